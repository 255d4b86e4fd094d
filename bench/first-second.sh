#!/usr/bin/env bash
# The first second of a cold `fwbench hammer` run: what the JIT still compiles when the measured run begins.
# Fresh processes on CPU 0 against nginx on the last CPU, DURATION seconds each, under -XX:+LogCompilation: over
# HTTP/1.1 with keep-alive (50 connections), with a new connection per request (10), and over h2c (10 connections
# x 10 streams). bench/compile-log.py prints per run the first second's requests over the median of the later
# seconds, how long C2 was compiling in the first 2 s of the measured window and how many compiled methods it
# threw away there. Each JAR given (an fwbench build in app/target, to compare two engines) runs in turn; without
# one, the current build.
# Usage: bench/first-second.sh [JAR...]
#   env: RUNS=3 DURATION=6 PORT=18085 (nginx; h2c on PORT+1); VERBOSE=1 lists the traps and compilations
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
runs=${RUNS:-3}
secs=${DURATION:-6}
port=${PORT:-18085}
url="http://127.0.0.1:$port/"
nginx_h2c_port=$((port + 1))

. "$root/bench/nginx.sh"
bench_install nginx:nginx taskset:util-linux curl:curl
bench_nginx
"$root/fwbench" --version >/dev/null   # builds on first use, outside the measurements
. "$root/scripts/java-home.sh"
fwbench_find_jdk >/dev/null
jars=("$@")
[ "${#jars[@]}" -gt 0 ] || jars=("$root/app/target/fwbench.jar")

cases=("keep-alive, 50 connections|-c 50|$url" "new connection each, 10|-c 10 --no-keepalive|$url"
  "h2c, 10 x 10 streams|-c 10 -m 10 --http 2|http://127.0.0.1:$nginx_h2c_port/")
for r in $(seq "$runs"); do
  echo "round $r"
  for c in "${cases[@]}"; do
    IFS='|' read -r label args target <<<"$c"
    for jar in "${jars[@]}"; do
      # the launcher's JVM options, without its start-up cache (a build of its own) so that builds compare alike
      # shellcheck disable=SC2086
      taskset -c 0 "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -XX:+UseSerialGC -Xss512k \
        -XX:+UnlockDiagnosticVMOptions -XX:+LogCompilation -XX:LogFile="$work/compile.xml" -Dfwbench.home="$root" \
        -jar "$jar" hammer -d "${secs}s" --json "$work/result.json" $args "$target" >"$work/out" 2>&1
      python3 "$root/bench/compile-log.py" "$work/compile.xml" "$work/result.json" "$label ($(basename "$jar"))"
      rm -f "$work/compile.xml"
    done
  done
done
