#!/usr/bin/env bash
# Is a target's speed its process's or the moment's? Two experiments with wrk (the C reference client) on built-in
# Java targets, pinned as fwbench pins them (target on the last CPU, client on CPU 0), each load 1 s at 16
# connections after a warm-up of three turns of the five routes (15 s):
#  1. one long-lived process of TARGET measured on /plaintext, /json and /hello every ~20 s, and after each of its
#     measurements a fresh start of the same target, warmed up and measured alike, then stopped: if the spread is
#     each start's own, the long-lived process holds still while the fresh starts spread; if it is the moment's,
#     both spread alike and a fresh start's figure follows the long-lived one measured 3 s later.
#  2. two long-lived processes (TARGET and OTHER) measured one right after the other on /plaintext and /json, then
#     a pause of 10 s, ROUNDS times: the spread of each, and of their ratio, which what the moment does to both
#     leaves out.
# Prints the spreads (sd of ln req/s, in %) and the correlations. Run it on an otherwise idle machine, after
# `./mvnw -DskipTests package` (it uses the targets' jars). About 8 minutes with the defaults.
# Usage: bench/moments.sh [TARGET [OTHER]]   (env: ROUNDS=12 PORT=18500)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
target=${1:-netty}
other=${2:-jetty}
rounds=${ROUNDS:-12}
[ "$rounds" -ge 3 ] 2>/dev/null || { echo "bench: ROUNDS must be 3 or more (a correlation needs two pairs), not '$rounds'" >&2; exit 2; }
port=${PORT:-18500}
last=$(($(nproc) - 1))
. "$root/scripts/java-home.sh"
fwbench_find_jdk || exit 2   # the targets need a JDK 21 or newer, as ./fwbench does
java=$JAVA_HOME/bin/java
routes="/plaintext /json /hello/World /template /static/style-100k.css"
jvm=$(sed -n 's/^ *jvm: \[\(.*\)\]/\1/p' "$root/suites/java.yaml" | tr -d ',')   # the suite's JVM options for every target
out=$(mktemp -d)
pids=()
# stop PID...: SIGTERM, then wait until each has exited (they are not this shell's children: launch runs in $(...))
stop() {
  kill "$@" 2>/dev/null || true
  for p in "$@"; do while kill -0 "$p" 2>/dev/null; do sleep 0.05; done; done
}
trap 'stop "${pids[@]}"; rm -rf "$out"' EXIT   # no target outlives the script
known=$(sed -n '/^targets:/,$ s/^  - name: //p' "$root/suites/java.yaml" | tr '\n' ' ')
for t in "$target" "$other"; do
  case " $known" in *" $t "*) ;; *) echo "bench: '$t' is not a target of suites/java.yaml ($known)" >&2; exit 2 ;; esac
  [ -f "$root/targets/java/$t/target/fwbench-target-$t.jar" ] || { echo "bench: build the targets first (./mvnw -DskipTests package)" >&2; exit 1; }
done
command -v wrk >/dev/null || { echo "bench: needs wrk (apt-get install wrk)" >&2; exit 1; }

# launch NAME PORT: a target as the Java suite starts it, on the last CPU; prints its pid
launch() {
  # shellcheck disable=SC2086 # $jvm is the suite's list of JVM options, one word each
  taskset -c "$last" "$java" $jvm \
    -jar "$root/targets/java/$1/target/fwbench-target-$1.jar" "$2" >/dev/null 2>&1 &
  echo $!
}
up() { for _ in $(seq 100); do curl -fs "http://127.0.0.1:$1/plaintext" >/dev/null && return; sleep 0.05; done; }
warm() { for _ in 1 2 3; do for r in $routes; do taskset -c 0 wrk -t1 -c16 -d1s "http://127.0.0.1:$1$r" >/dev/null; done; done; }
rps() { taskset -c 0 wrk -t1 -c16 -d1s "http://127.0.0.1:$1$2" | awk '/^Requests\/sec/ {print $2}'; }

# 1. one long-lived process against fresh starts
long=$(launch "$target" "$port"); pids+=("$long"); up "$port"; warm "$port"
for n in $(seq "$rounds"); do
  echo "long $n $(rps "$port" /plaintext) $(rps "$port" /json) $(rps "$port" /hello/World)" >>"$out/1"
  fresh=$(launch "$target" $((port + 1))); pids+=("$fresh"); up $((port + 1)); warm $((port + 1))
  echo "fresh $n $(rps $((port + 1)) /plaintext) $(rps $((port + 1)) /json) $(rps $((port + 1)) /hello/World)" >>"$out/1"
  stop "$fresh"
  echo "bench: experiment 1, round $n of $rounds" >&2
done

# 2. two long-lived processes side by side
second=$(launch "$other" $((port + 2))); pids+=("$second"); up $((port + 2)); warm $((port + 2))
for n in $(seq "$rounds"); do
  echo "$n $(rps "$port" /plaintext) $(rps $((port + 2)) /plaintext) $(rps "$port" /json) $(rps $((port + 2)) /json)" >>"$out/2"
  echo "bench: experiment 2, round $n of $rounds" >&2
  sleep 10
done

python3 - "$out" "$target" "$other" <<'PY'
import math, statistics as st, sys
out, target, other = sys.argv[1:]
sd = lambda xs: st.stdev(xs) * 100
rows = {"long": [], "fresh": []}
for line in open(f"{out}/1"):
    kind, _, *v = line.split()
    rows[kind].append([math.log(float(x)) for x in v])
print(f"1. {target}: one long-lived process and {len(rows['fresh'])} fresh starts, measured in turns "
      f"(sd of ln req/s: /plaintext, /json, /hello; then of the three routes' mean)")
for kind, name in (("long", "long-lived"), ("fresh", "fresh starts")):
    r = rows[kind]
    per = "  ".join(f"{sd([x[j] for x in r]):5.1f}" for j in range(3))
    print(f"   {name:12s} {per}   mean of the routes {sd([st.mean(x) for x in r]):5.1f} %")
lm = [st.mean(x) for x in rows["long"]]
fm = [st.mean(x) for x in rows["fresh"]]
print(f"   a fresh start against the long-lived process measured 3 s after it: correlation "
      f"{st.correlation(fm[:-1], lm[1:]):.2f}; 20 s before it: {st.correlation(lm, fm):.2f}")
pairs = [[math.log(float(x)) for x in line.split()[1:]] for line in open(f"{out}/2")]
print(f"2. {target} and {other}, both long-lived, measured one right after the other, {len(pairs)} times 10 s apart")
for j, route in ((0, "/plaintext"), (2, "/json")):
    a = [p[j] for p in pairs]
    b = [p[j + 1] for p in pairs]
    print(f"   {route:10s} sd {target} {sd(a):5.1f} %, {other} {sd(b):5.1f} %, their ratio "
          f"{sd([x - y for x, y in zip(a, b)]):5.1f} %; correlation {st.correlation(a, b):.2f}")
PY
