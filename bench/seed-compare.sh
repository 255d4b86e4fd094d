#!/usr/bin/env bash
# The first seed's experiment twice over, alternating round by round: its own client re-created
# (bench/seed-hammer.py: one thread per call, as compare.py's hammer() did) and
# `fwbench run suites/python-seeds.yaml --mode seed-compare`, against the same five apps (bottle,
# web.py, flask, cherrypy, tornado from targets/python), each pinned to the last CPU with the client on
# CPU 0, as fwbench pins them. Prints each framework's success % side by side, the medians over the
# rounds, and whether fwbench is within 5 points of the re-creation for every framework.
#
# The re-creation's pace depends on how busy the machine is (one Python process starting 2000 threads),
# so by default each fwbench round gets --rate = the median launch rate the re-creation reached in that
# round; RATE=mode uses the mode's documented rate instead, RATE=<n> a fixed one.
# Usage: bench/seed-compare.sh   (env: ROUNDS=3 CALLS=2000 TIMEOUT=1 RATE=match|mode|<n> PYTHON=/usr/bin/python3 PORT=18100)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
rounds=${ROUNDS:-3}
calls=${CALLS:-2000}
timeout=${TIMEOUT:-1}
rate=${RATE:-match}
python=${PYTHON:-/usr/bin/python3}
port=${PORT:-18100}
last=$(( $(nproc) - 1 ))
[ "$last" -ge 1 ] || { echo "seed-compare: needs at least 2 CPUs (servers and client apart)" >&2; exit 2; }
"$python" -c 'import requests, bottle, web, flask, cherrypy, tornado' 2>/dev/null \
  || { echo "seed-compare: needs requests and the five frameworks for $python (scripts/install-python-targets.sh)" >&2; exit 2; }
"$root/fwbench" --version >/dev/null   # builds on first use, outside the measurements

work=$(mktemp -d)
pids=()
stop_apps() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; pids=(); }
cleanup() { stop_apps; rm -rf "$work"; }
trap cleanup EXIT

names=(bottle web.py flask cherrypy tornado)
apps=(bottle_app webpy_app flask_app cherrypy_app tornado_app)
paths=(/hello/World /World /hello/World "/?name=World" "/hello?name=World")

# The seed started all five, then hammered one after another while the others idled: so here.
start_apps() {
  local i
  for i in "${!apps[@]}"; do
    (cd "$root/targets/python" && exec taskset -c "$last" "$python" "${apps[$i]}.py" $((port + i))) >"$work/${apps[$i]}.log" 2>&1 &
    pids+=($!)
  done
  for i in "${!apps[@]}"; do
    for _ in $(seq 100); do curl -fs -o /dev/null "http://127.0.0.1:$((port + i))/plaintext" && break; sleep 0.1; done
  done
}

. "$root/bench/median.sh"

: >"$work/rows"   # round side name success
echo "uptime: $(uptime)"
for r in $(seq "$rounds"); do
  start_apps
  args=()
  for i in "${!names[@]}"; do args+=("${names[$i]}=http://127.0.0.1:$((port + i))${paths[$i]}"); done
  taskset -c 0 "$python" "$root/bench/seed-hammer.py" -n "$calls" -t "$timeout" --json "$work/seed.json" "${args[@]}" \
    | sed "s/^/round $r seed-hammer: /"
  stop_apps
  "$python" - "$work/seed.json" "$r" >>"$work/rows" <<'PY'
import json, sys
for row in json.load(open(sys.argv[1])):
    print(sys.argv[2], "seed", row["name"], row["successPercent"], row["launchRate"])
PY
  case "$rate" in
    match) use=$(awk -v r="$r" '$1 == r && $2 == "seed" { print $5 }' "$work/rows" | median) ;;
    mode) use="" ;;
    *) use=$rate ;;
  esac
  rate_args=(); [ -n "$use" ] && rate_args=(--rate "$(printf '%.0f' "$use")")
  echo "round $r fwbench: run suites/python-seeds.yaml --mode seed-compare -n $calls --timeout ${timeout}s ${rate_args[*]}"
  "$root/fwbench" run "$root/suites/python-seeds.yaml" --mode seed-compare -n "$calls" --timeout "${timeout}s" \
    "${rate_args[@]}" --python "$python" --out "$work/fw$r" >"$work/fw$r.txt" 2>"$work/fw$r.err" || true
  grep -E 'seconds/call|SATURATED' "$work/fw$r.txt" | sed "s/^/round $r fwbench: /" || cat "$work/fw$r.err" >&2
  "$python" - "$work/fw$r/results.json" "$r" >>"$work/rows" <<'PY'
import json, sys
for t in json.load(open(sys.argv[1]))["targets"]:
    for s in t["scenarios"]:
        for m in s["measurements"]:
            print(sys.argv[2], "fwbench", t["name"], 100.0 * m["load"]["ok"] / max(1, m["load"]["requests"]), 0)
PY
done

echo
echo "success % per round (re-creation / fwbench), then the medians over $rounds rounds; client on CPU 0, servers on CPU $last"
printf '%-10s' framework; for r in $(seq "$rounds"); do printf '  round %-13s' "$r"; done
printf '  %-9s %-9s %s\n' seed fwbench 'fwbench - seed'
fail=0
for name in "${names[@]}"; do
  printf '%-10s' "$name"
  for r in $(seq "$rounds"); do
    s=$(awk -v r="$r" -v n="$name" '$1 == r && $2 == "seed" && $3 == n { print $4 }' "$work/rows")
    f=$(awk -v r="$r" -v n="$name" '$1 == r && $2 == "fwbench" && $3 == n { print $4 }' "$work/rows")
    printf '  %6.1f / %-10.1f' "${s:-nan}" "${f:-nan}"
  done
  s=$(awk -v n="$name" '$2 == "seed" && $3 == n { print $4 }' "$work/rows" | median)
  f=$(awk -v n="$name" '$2 == "fwbench" && $3 == n { print $4 }' "$work/rows" | median)
  d=$(awk -v s="$s" -v f="$f" 'BEGIN { printf "%+.1f", f - s }')
  ok=$(awk -v d="$d" 'BEGIN { print (d <= 5 && d >= -5) ? "within 5 points" : "MORE than 5 points apart" }')
  [ "$ok" = "within 5 points" ] || fail=1
  printf '  %-9.1f %-9.1f %s  %s\n' "$s" "$f" "$d" "$ok"
done
echo "launch rate of the re-creation (calls/s), median over rounds and frameworks: $(awk '$2 == "seed" { print $5 }' "$work/rows" | median)"
echo "uptime: $(uptime)"
exit $fail
