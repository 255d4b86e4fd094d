#!/usr/bin/env bash
# fwbench hammer against wrk, the C reference: nginx serves a 12-byte body on 127.0.0.1 (one worker, no
# access log, pinned to the last CPU); wrk and fwbench take turns on CPU 0 with the same connections and
# duration, keep-alive and then without it (Connection: close). Prints req/s and the client's CPU
# microseconds per request of every round, and the median ratios fwbench/wrk.
# Usage: bench/vs-wrk.sh   (env: CONNECTIONS=50 DURATION=10 ROUNDS=3 PORT=18080)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
conns=${CONNECTIONS:-50}
secs=${DURATION:-10}
rounds=${ROUNDS:-3}
port=${PORT:-18080}
url="http://127.0.0.1:$port/"

if ! command -v nginx >/dev/null || ! command -v wrk >/dev/null || ! command -v taskset >/dev/null; then
  sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
  echo "vs-wrk: installing nginx and wrk (Debian packages) ..." >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends nginx wrk util-linux >/dev/null
fi
nginx=$(command -v nginx || echo /usr/sbin/nginx)
last=$(( $(nproc) - 1 ))
[ "$last" -ge 1 ] || { echo "vs-wrk: needs at least 2 CPUs (server and client apart); this process may use $(nproc)" >&2; exit 2; }

work=$(mktemp -d)
nginx_pid=""
cleanup() { [ -n "$nginx_pid" ] && kill "$nginx_pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
cat >"$work/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $work/nginx.pid;
error_log $work/error.log;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 100000000;
  client_body_temp_path $work; proxy_temp_path $work; fastcgi_temp_path $work; uwsgi_temp_path $work; scgi_temp_path $work;
  server {
    listen 127.0.0.1:$port;
    location / { default_type text/plain; return 200 "hello world\n"; }
  }
}
CONF
taskset -c "$last" "$nginx" -c "$work/nginx.conf" -p "$work" &
nginx_pid=$!
for _ in $(seq 50); do curl -fs "$url" >/dev/null 2>&1 && break; sleep 0.1; done
"$root/fwbench" --version >/dev/null   # builds on first use, outside the measurements

# cpu_of CMD...: runs CMD and leaves its children's user+system CPU seconds in $cpu
cpu_of() {
  local t
  t=$( { "$@" >"$work/out" 2>"$work/err"; times; } | tail -n 1)
  cpu=$(awk '{ n=split($0,f," "); s=0; for (i=1;i<=2;i++) { split(f[i],p,"m"); s+=p[1]*60+p[2] } print s }' <<<"${t//s/}")
}

json_num() { sed -n "s/^  \"$1\" : \([0-9.eE+-]*\).*/\1/p" "$work/result.json" | head -n 1; }

results="$work/results"
: >"$results"
for mode in keep-alive close; do
  hdr=(); [ "$mode" = close ] && hdr=(-H "Connection: close")
  for r in $(seq "$rounds"); do
    cpu_of taskset -c 0 wrk -t1 -c"$conns" -d"${secs}s" "${hdr[@]}" "$url"
    wrk_rps=$(awk '/^Requests\/sec:/ {print $2}' "$work/out")
    wrk_n=$(awk '/requests in/ {print $1}' "$work/out")
    wrk_us=$(awk -v c="$cpu" -v n="$wrk_n" 'BEGIN { printf "%.2f", c * 1e6 / n }')
    cpu_of taskset -c 0 "$root/fwbench" hammer -c "$conns" -d "${secs}s" "${hdr[@]}" --json "$work/result.json" "$url"
    fw_rps=$(json_num requestsPerSecond)
    fw_n=$(json_num requests)
    fw_us=$(awk -v c="$cpu" -v n="$fw_n" 'BEGIN { printf "%.2f", c * 1e6 / n }')
    fw_win=$(sed -n 's/^    "cpuMicrosPerRequest" : \([0-9.eE+-]*\).*/\1/p' "$work/result.json")
    printf '%-10s round %d  wrk %9.0f req/s %6.2f us/req   fwbench %9.0f req/s %6.2f us/req (process) %6.2f us/req (window)\n' \
      "$mode" "$r" "$wrk_rps" "$wrk_us" "$fw_rps" "$fw_us" "$fw_win"
    echo "$mode $wrk_rps $wrk_us $fw_rps $fw_us $fw_win" >>"$results"
  done
done

median() { sort -g | awk '{ v[NR]=$1 } END { print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2 }'; }
echo
echo "median ratios fwbench/wrk over $rounds rounds ($conns connections, ${secs}s, client on CPU 0, nginx on CPU $last):"
for mode in keep-alive close; do
  rps=$(awk -v m="$mode" '$1 == m { print $4 / $2 }' "$results" | median)
  us=$(awk -v m="$mode" '$1 == m { print $5 / $3 }' "$results" | median)
  win=$(awk -v m="$mode" '$1 == m { print $6 / $3 }' "$results" | median)
  printf '  %-10s req/s %.2f   CPU/request %.2f (whole fwbench process)   %.2f (measured window)\n' "$mode" "$rps" "$us" "$win"
done
