#!/usr/bin/env bash
# fwbench hammer against wrk, the C reference: nginx serves a 12-byte body on 127.0.0.1 (one worker, no
# access log, pinned to the last CPU); wrk and fwbench take turns on CPU 0 (wrk first in odd rounds) with the
# same connections and duration, keep-alive and then without it (Connection: close). Prints req/s and the client's CPU
# microseconds per request of every round, and the median ratios fwbench/wrk.
# Usage: bench/vs-wrk.sh   (env: CONNECTIONS=50 DURATION=10 ROUNDS=3 PORT=18080)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
conns=${CONNECTIONS:-50}
secs=${DURATION:-10}
rounds=${ROUNDS:-3}
port=${PORT:-18080}
url="http://127.0.0.1:$port/"

. "$root/bench/nginx.sh"
bench_install nginx:nginx wrk:wrk taskset:util-linux curl:curl
bench_nginx
"$root/fwbench" --version >/dev/null   # builds on first use, outside the measurements

json_num() { sed -n "s/^  \"$1\" : \([0-9.eE+-]*\).*/\1/p" "$work/result.json" | head -n 1; }

results="$work/results"
: >"$results"
# wrk_run and fwbench_run: one client on CPU 0 against $url; each sets its req/s, requests and CPU per request
wrk_run() {
  cpu_of taskset -c 0 wrk -t1 -c"$conns" -d"${secs}s" "${hdr[@]}" "$url"
  wrk_rps=$(awk '/^Requests\/sec:/ {print $2}' "$work/out")
  wrk_n=$(awk '/requests in/ {print $1}' "$work/out")
  wrk_us=$(awk -v c="$cpu" -v n="$wrk_n" 'BEGIN { printf "%.2f", c * 1e6 / n }')
}
fwbench_run() {
  cpu_of taskset -c 0 "$root/fwbench" hammer -c "$conns" -d "${secs}s" "${hdr[@]}" --json "$work/result.json" "$url"
  fw_rps=$(json_num requestsPerSecond)
  fw_n=$(json_num requests)
  fw_us=$(awk -v c="$cpu" -v n="$fw_n" 'BEGIN { printf "%.2f", c * 1e6 / n }')
  fw_win=$(sed -n 's/^    "cpuMicrosPerRequest" : \([0-9.eE+-]*\).*/\1/p' "$work/result.json")
}
# wrk first in odd rounds, fwbench first in even ones: a server whose speed drifts favours neither
for mode in keep-alive close; do
  hdr=(); [ "$mode" = close ] && hdr=(-H "Connection: close")
  for r in $(seq "$rounds"); do
    if [ $((r % 2)) = 1 ]; then wrk_run; fwbench_run; else fwbench_run; wrk_run; fi
    printf '%-10s round %d  wrk %9.0f req/s %6.2f us/req   fwbench %9.0f req/s %6.2f us/req (process) %6.2f us/req (window)\n' \
      "$mode" "$r" "$wrk_rps" "$wrk_us" "$fw_rps" "$fw_us" "$fw_win"
    echo "$mode $wrk_rps $wrk_us $fw_rps $fw_us $fw_win" >>"$results"
  done
done

echo
echo "median ratios fwbench/wrk over $rounds rounds ($conns connections, ${secs}s, client on CPU 0, nginx on CPU $last):"
for mode in keep-alive close; do
  rps=$(awk -v m="$mode" '$1 == m { print $4 / $2 }' "$results" | median)
  us=$(awk -v m="$mode" '$1 == m { print $5 / $3 }' "$results" | median)
  win=$(awk -v m="$mode" '$1 == m { print $6 / $3 }' "$results" | median)
  printf '  %-10s req/s %.2f   CPU/request %.2f (whole fwbench process)   %.2f (measured window)\n' "$mode" "$rps" "$us" "$win"
done
