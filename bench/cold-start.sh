#!/usr/bin/env bash
# Is the first run of a fresh fwbench process as fast as the next ones? ab and `fwbench hammer` take turns,
# each run a new process on CPU 0, against nginx on 127.0.0.1 (pinned to the last CPU): N requests on C
# connections, a new connection for each (ab without -k, fwbench --no-keepalive). Prints every run's req/s
# and, per client, the ratio of its first run to the median of the others, and fwbench's median to ab's.
# Usage: bench/cold-start.sh   (env: REQUESTS=1000 CONCURRENCY=4 RUNS=5 PORT=18081)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
n=${REQUESTS:-1000}
c=${CONCURRENCY:-4}
runs=${RUNS:-5}
port=${PORT:-18081}
url="http://127.0.0.1:$port/"

. "$root/bench/nginx.sh"
bench_install nginx:nginx ab:apache2-utils taskset:util-linux curl:curl
bench_nginx
"$root/fwbench" --version >/dev/null   # builds on first use, outside the measurements

: >"$work/ab"
: >"$work/fwbench"
for r in $(seq "$runs"); do
  taskset -c 0 ab -q -n "$n" -c "$c" "$url" >"$work/out" 2>&1
  ab_rps=$(awk '/^Requests per second:/ {print $4}' "$work/out")
  start=$(date +%s.%N)
  taskset -c 0 "$root/fwbench" hammer -n "$n" -c "$c" --no-keepalive --json "$work/result.json" "$url" >"$work/out" 2>&1
  wall=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.2f", e - s }')
  fw_rps=$(sed -n 's/^  "requestsPerSecond" : \([0-9.eE+-]*\).*/\1/p' "$work/result.json" | head -n 1)
  printf 'run %d  ab %8.0f req/s   fwbench %8.0f req/s (process %ss)\n' "$r" "$ab_rps" "$fw_rps" "$wall"
  echo "$ab_rps" >>"$work/ab"
  echo "$fw_rps" >>"$work/fwbench"
done

echo
echo "$n requests, $c connections, a connection each; clients on CPU 0, nginx on CPU $last; $(uptime | sed 's/.*load/load/')"
for client in ab fwbench; do
  first=$(head -n 1 "$work/$client")
  rest=$(tail -n +2 "$work/$client" | median)
  printf '  %-8s first run %8.0f req/s, median of the others %8.0f, first/others %.2f, spread of the others %s-%s\n' \
    "$client" "$first" "$rest" "$(awk -v a="$first" -v b="$rest" 'BEGIN { print a / b }')" \
    "$(tail -n +2 "$work/$client" | sort -g | head -n 1 | xargs printf '%.0f')" "$(tail -n +2 "$work/$client" | sort -g | tail -n 1 | xargs printf '%.0f')"
done
printf '  fwbench/ab medians of all runs %.2f\n' "$(awk -v a="$(median <"$work/fwbench")" -v b="$(median <"$work/ab")" 'BEGIN { print a / b }')"
