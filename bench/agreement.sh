#!/usr/bin/env bash
# Does fwbench measure what the reference clients measure? Against servers nobody here wrote (nginx, Apache
# httpd with the event MPM, lighttpd, h2o; Debian packages, each serving the same 12-byte file on a loopback
# port under a temp dir, pinned to the last CPU) and two Python targets (tornado and flask from
# targets/python, /plaintext), the clients take turns on CPU 0, round by round, on the same URL:
#   wrk  -c C -d D            vs  fwbench hammer -c C -d D --warmup 1s          (keep-alive)
#   wrk  -c C -d D -H 'Connection: close'  vs  fwbench hammer ... -H 'Connection: close'
#   ab -k -n N -c C           vs  fwbench hammer -n N -c C                       (keep-alive)
#   ab    -n N -c C           vs  fwbench hammer -n N -c C --no-keepalive
# and prints, per server and pair, the medians over the rounds of fwbench/reference for req/s and for the
# median latency (ab prints whole milliseconds only, so its pairs compare the mean), each client's CPU
# use (a client at 90% or more of its CPU measures itself, not the server), and whether fwbench agrees
# within 5% where neither client was saturated. docs/hammer.md explains every larger difference.
# Usage: bench/agreement.sh [SERVER...]   (servers: nginx apache lighttpd h2o tornado flask; default all)
#   env: ROUNDS=3 CONNECTIONS=16 DURATION=5 REQUESTS=20000 PY_REQUESTS=3000 PORT=18200 PYTHON=/usr/bin/python3
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
rounds=${ROUNDS:-3}
conns=${CONNECTIONS:-16}
secs=${DURATION:-5}
native_n=${REQUESTS:-20000}
py_n=${PY_REQUESTS:-3000}
port=${PORT:-18200}
python=${PYTHON:-/usr/bin/python3}
servers=("$@"); [ ${#servers[@]} -gt 0 ] || servers=(nginx apache lighttpd h2o tornado flask)
last=$(( $(nproc) - 1 ))
[ "$last" -ge 1 ] || { echo "agreement: needs at least 2 CPUs (server and client apart)" >&2; exit 2; }

need=()
command -v wrk >/dev/null || need+=(wrk)
command -v ab >/dev/null || need+=(apache2-utils)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || need+=(nginx)
[ -x /usr/sbin/apache2 ] || need+=(apache2)
command -v lighttpd >/dev/null || [ -x /usr/sbin/lighttpd ] || need+=(lighttpd)
command -v h2o >/dev/null || need+=(h2o)
command -v taskset >/dev/null || need+=(util-linux)
if [ ${#need[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
  echo "agreement: installing ${need[*]} (Debian packages) ..." >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
"$root/fwbench" --version >/dev/null   # builds on first use, outside the measurements

work=$(mktemp -d)
server_pid=""
stop_server() { [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null; wait 2>/dev/null || true; server_pid=""; }
cleanup() { stop_server; rm -rf "$work"; }
trap cleanup EXIT
mkdir -p "$work/www"
chmod 755 "$work" "$work/www"   # the servers' workers run as an unprivileged user when started as root
printf 'hello world\n' >"$work/www/hello.txt"

# start_server NAME: starts it pinned to the last CPU in the foreground of a background job; sets $url
start_server() {
  local name=$1 dir="$work/$1"
  mkdir -p "$dir"
  url="http://127.0.0.1:$port/hello.txt"
  case "$name" in
    nginx)
      cat >"$dir/nginx.conf" <<CONF
worker_processes 1; daemon off; pid $dir/nginx.pid; error_log $dir/error.log;
events { worker_connections 4096; }
http { access_log off; keepalive_requests 100000000;
  client_body_temp_path $dir; proxy_temp_path $dir; fastcgi_temp_path $dir; uwsgi_temp_path $dir; scgi_temp_path $dir;
  types { text/plain txt; }
  server { listen 127.0.0.1:$port; root $work/www; } }
CONF
      taskset -c "$last" "$(command -v nginx || echo /usr/sbin/nginx)" -c "$dir/nginx.conf" -p "$dir" & ;;
    apache)
      cat >"$dir/httpd.conf" <<CONF
ServerRoot $dir
ServerName localhost
Listen 127.0.0.1:$port
LoadModule mpm_event_module /usr/lib/apache2/modules/mod_mpm_event.so
LoadModule authz_core_module /usr/lib/apache2/modules/mod_authz_core.so
LoadModule mime_module /usr/lib/apache2/modules/mod_mime.so
TypesConfig /dev/null
AddType text/plain .txt
PidFile $dir/httpd.pid
Mutex file:$dir default
ErrorLog $dir/error.log
DocumentRoot $work/www
<Directory $work/www>
  Require all granted
</Directory>
KeepAlive On
MaxKeepAliveRequests 0
CONF
      [ "$(id -u)" = 0 ] && printf 'User nobody\nGroup nogroup\n' >>"$dir/httpd.conf"
      taskset -c "$last" /usr/sbin/apache2 -f "$dir/httpd.conf" -DFOREGROUND & ;;
    lighttpd)
      cat >"$dir/lighttpd.conf" <<CONF
server.document-root = "$work/www"
server.bind = "127.0.0.1"
server.port = $port
server.max-keep-alive-requests = 100000000
mimetype.assign = (".txt" => "text/plain")
CONF
      [ "$(id -u)" = 0 ] && printf 'server.username = "nobody"\nserver.groupname = "nogroup"\n' >>"$dir/lighttpd.conf"
      taskset -c "$last" "$(command -v lighttpd || echo /usr/sbin/lighttpd)" -D -f "$dir/lighttpd.conf" 2>"$dir/error.log" & ;;
    h2o)
      cat >"$dir/h2o.conf" <<CONF
listen: {host: 127.0.0.1, port: $port}
num-threads: 1
error-log: $dir/error.log
hosts:
  default:
    paths:
      /:
        file.dir: $work/www
CONF
      [ "$(id -u)" = 0 ] && printf 'user: nobody\n' >>"$dir/h2o.conf"
      taskset -c "$last" h2o -c "$dir/h2o.conf" & ;;
    tornado|flask)
      url="http://127.0.0.1:$port/plaintext"
      (cd "$root/targets/python" && exec taskset -c "$last" "$python" "${name}_app.py" "$port") >"$dir/log" 2>&1 & ;;
    *) echo "agreement: unknown server '$name' (nginx apache lighttpd h2o tornado flask)" >&2; exit 2 ;;
  esac
  server_pid=$!
  for _ in $(seq 100); do curl -fs -o /dev/null "$url" && return 0; sleep 0.1; done
  echo "agreement: $name did not answer $url; its log:" >&2; cat "$dir"/*.log "$dir"/log 2>/dev/null | tail -n 5 >&2; exit 1
}

# timed CMD...: runs CMD on CPU 0; leaves its user+system CPU seconds in $cpu and the wall seconds in $wall
timed() {
  local t0 t1 t
  t0=$(date +%s.%N)
  t=$( { taskset -c 0 "$@" >"$work/out" 2>"$work/err"; times; } | tail -n 1)
  t1=$(date +%s.%N)
  cpu=$(awk '{ n=split($0,f," "); s=0; for (i=1;i<=2;i++) { split(f[i],p,"m"); s+=p[1]*60+p[2] } print s }' <<<"${t//s/}")
  wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')
}

ms() { awk '{ v=$1; if (v ~ /us$/) { sub(/us$/,"",v); v/=1000 } else if (v ~ /ms$/) { sub(/ms$/,"",v) } else if (v ~ /s$/) { sub(/s$/,"",v); v*=1000 } print v }'; }
json_num() { sed -n "s/^ *\"$1\" : \([0-9.eE+-]*\).*/\1/p" "$work/fw.json" | head -n 1; }

# fw ARGS...: fwbench hammer; leaves req/s, p50 ms, mean ms and utilization (0-1) in fw_*
fw() {
  timed "$root/fwbench" hammer "$@" --json "$work/fw.json" "$url"
  fw_rps=$(json_num requestsPerSecond); fw_p50=$(json_num p50); fw_mean=$(json_num mean); fw_util=$(json_num utilization)
}

rows="$work/rows"   # server pair round fw_rps ref_rps fw_lat ref_lat fw_util ref_util ref_kept
: >"$rows"
echo "uptime: $(uptime)"
for r in $(seq "$rounds"); do
  for s in "${servers[@]}"; do
    start_server "$s"
    n=$native_n; case "$s" in tornado|flask) n=$py_n ;; esac
    for pair in keep-alive close ab-k ab; do
      ref_kept=1
      # the reference and fwbench alternate which goes first, round by round
      for side in $( ((r % 2)) && echo "ref fw" || echo "fw ref"); do
        case "$pair/$side" in
          keep-alive/ref) timed wrk -t1 -c"$conns" -d"${secs}s" --latency "$url"
            ref_rps=$(awk '/^Requests\/sec:/ {print $2}' "$work/out"); ref_lat=$(awk '$1 == "50%" {print $2}' "$work/out" | ms) ;;
          close/ref) timed wrk -t1 -c"$conns" -d"${secs}s" --latency -H "Connection: close" "$url"
            ref_rps=$(awk '/^Requests\/sec:/ {print $2}' "$work/out"); ref_lat=$(awk '$1 == "50%" {print $2}' "$work/out" | ms) ;;
          ab-k/ref) timed ab -q -k -n "$n" -c "$conns" "$url"
            ref_rps=$(awk '/^Requests per second:/ {print $4}' "$work/out"); ref_lat=$(awk '/^Time per request:.*\(mean\)$/ {print $4}' "$work/out")
            # ab -k asks for HTTP/1.0 keep-alive; a server may answer "Connection: close" to it (Werkzeug does)
            ref_kept=$(awk -v n="$n" '/^Keep-Alive requests:/ { print $3 / n }' "$work/out") ;;
          ab/ref) timed ab -q -n "$n" -c "$conns" "$url"
            ref_rps=$(awk '/^Requests per second:/ {print $4}' "$work/out"); ref_lat=$(awk '/^Time per request:.*\(mean\)$/ {print $4}' "$work/out") ;;
          keep-alive/fw) fw -c "$conns" -d "${secs}s" --warmup 1s; fw_lat=$fw_p50 ;;
          close/fw) fw -c "$conns" -d "${secs}s" --warmup 1s -H "Connection: close"; fw_lat=$fw_p50 ;;
          ab-k/fw) fw -n "$n" -c "$conns"; fw_lat=$fw_mean ;;
          ab/fw) fw -n "$n" -c "$conns" --no-keepalive; fw_lat=$fw_mean ;;
        esac
        [ "$side" = ref ] && ref_util=$(awk -v c="$cpu" -v w="$wall" 'BEGIN { print c / w }')
      done
      echo "$s $pair $r ${fw_rps:-0} ${ref_rps:-0} ${fw_lat:-0} ${ref_lat:-0} ${fw_util:-0} ${ref_util:-0} ${ref_kept:-0}" >>"$rows"
      printf '%-9s %-10s round %d  fwbench %9.0f req/s %8.3f ms (CPU %3.0f%%)   %-4s %9.0f req/s %8.3f ms (CPU %3.0f%%)\n' \
        "$s" "$pair" "$r" "$fw_rps" "$fw_lat" "$(awk -v u="$fw_util" 'BEGIN { print 100 * u }')" \
        "$(case $pair in ab*) echo ab ;; *) echo wrk ;; esac)" "$ref_rps" "$ref_lat" "$(awk -v u="$ref_util" 'BEGIN { print 100 * u }')"
    done
    stop_server
  done
done

. "$root/bench/median.sh"
spread() { sort -g | awk '{ v[NR]=$1 } END { if (NR) printf "%.2f-%.2f", v[1], v[NR] }'; }
echo
echo "fwbench / reference, medians (and range) over $rounds rounds; $conns connections; client on CPU 0, server on CPU $last"
echo "latency: p50 for the wrk pairs, the mean for the ab pairs; 'saturated': a client used >= 90% of its CPU in some round"
printf '%-9s %-10s %-18s %-18s %-24s %s\n' server pair "req/s ratio" "latency ratio" "client CPU fw / ref" verdict
for s in "${servers[@]}"; do
  for pair in keep-alive close ab-k ab; do
    sel() { awk -v s="$s" -v p="$pair" "\$1 == s && \$2 == p { print $1 }" "$rows"; }
    rr=$(sel '$4 / $5' | median); rs=$(sel '$4 / $5' | spread)
    lr=$(sel '($7 > 0 ? $6 / $7 : 0)' | median); ls=$(sel '($7 > 0 ? $6 / $7 : 0)' | spread)
    fu=$(sel '$8' | median); ru=$(sel '$9' | median)
    sat=$(sel '($8 >= 0.9 || $9 >= 0.9) ? 1 : 0' | sort -g | tail -n 1)
    kept=$(sel '$10' | sort -g | head -n 1)
    verdict=$(awk -v r="$rr" -v sat="$sat" -v kept="$kept" 'BEGIN {
      if (kept < 0.9) printf "not alike: the server kept only %.0f%% of ab -k'"'"'s HTTP/1.0 requests alive\n", 100 * kept
      else if (sat) print "a client saturated"; else if (r >= 0.95 && r <= 1.05) print "agrees within 5%"
      else print "DIFFERS by more than 5%" }')
    printf '%-9s %-10s %5.2f (%-10s) %5.2f (%-10s) %4.0f%% / %4.0f%%             %s\n' "$s" "$pair" "$rr" "$rs" "$lr" "$ls" \
      "$(awk -v u="$fu" 'BEGIN { print 100 * u }')" "$(awk -v u="$ru" 'BEGIN { print 100 * u }')" "$verdict"
  done
done
echo "uptime: $(uptime)"
