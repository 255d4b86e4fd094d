#!/usr/bin/env bash
# fwbench hammer against h2load (nghttp2's HTTP/2 client, the C reference) and, for HTTPS over HTTP/1.1,
# against wrk. Servers on 127.0.0.1, pinned to the last CPU: nginx (one worker) with TLS and h2, and with h2c;
# h2o (one thread) with TLS and h2, and with h2c; each answers a 12-byte body. The certificate is made here with
# openssl (self-signed: fwbench runs with --insecure, h2load and wrk do not check certificates). The clients
# take turns on CPU 0 with the same connections, streams and duration, the reference first in odd rounds and
# fwbench first in even ones. Prints, for every round, req/s and the client's CPU microseconds per request; then
# the p50 of each at one request in flight, in turns over as many rounds; then the median ratios fwbench/reference
# of both (neither client saturates at one request in flight;
# h2load's p50 comes from its --log-file; one pair of runs moved by 10 % from one run of the script to the
# next), beside each client's round trip (1 / req/s): h2load's clock leaves out its own turnaround, fwbench's
# does not, so the round trip is where the two measure the same span. Beside each client's figures, the server's: its share of a core and its CPU microseconds per request
# under that client.
# A server at 1.00 of its core sets the rate; then the ratio of req/s is the ratio of what a request cost the
# server under each client.
# The summary (bench/h2load-summary.py) gives each median ratio with the interval that holds it and the rounds
# fwbench was ahead in; KEEP=DIR keeps the rounds in DIR, so that the summary can take several runs together
# (bench/h2load-summary.py DIR1 DIR2 ...).
# WARMUP=S gives both clients S seconds of load before the measured time (h2load's --warm-up-time, fwbench's
# --warmup; wrk has none): the engine's first second against a real server is slow (docs/hammer.md), and this
# compares the two at their steady rate. The server's figures then include the warm-up and are not printed.
# Usage: bench/vs-h2load.sh   (env: CONNECTIONS=10 STREAMS=10 DURATION=10 ROUNDS=3 WARMUP=0 PORT=18440 KEEP=; nginx
# listens on PORT (TLS), PORT+1 (h2c) and PORT+4 (HTTP/1.1, to see that it is up), h2o on PORT+2 (TLS) and PORT+3)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
conns=${CONNECTIONS:-10}
streams=${STREAMS:-10}
secs=${DURATION:-10}
rounds=${ROUNDS:-3}
warm=${WARMUP:-0}
port=${PORT:-18440}

. "$root/bench/nginx.sh"
bench_install nginx:nginx h2load:nghttp2-client h2o:h2o wrk:wrk taskset:util-linux curl:curl openssl:openssl
h2o_pid=""
trap '[ -n "$h2o_pid" ] && kill "$h2o_pid" 2>/dev/null; bench_cleanup' EXIT
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 2 -subj /CN=127.0.0.1 \
  -addext "subjectAltName=IP:127.0.0.1" -keyout "$work/key.pem" -out "$work/cert.pem" 2>/dev/null
mkdir -p "$work/www"
printf 'hello world\n' >"$work/www/index.html"

# nginx: TLS with h2 on $port, h2c on $port + 1, and plain HTTP/1.1 on $port + 4 (only to see that it answers)
plain=$((port + 4))
nginx_tls_port=$port nginx_h2c_port=$((port + 1)) port=$plain url="http://127.0.0.1:$plain/" bench_nginx

cat >"$work/h2o.conf" <<CONF
num-threads: 1
pid-file: $work/h2o.pid
error-log: $work/h2o-error.log
listen:
  host: 127.0.0.1
  port: $((port + 2))
  ssl:
    certificate-file: $work/cert.pem
    key-file: $work/key.pem
listen:
  host: 127.0.0.1
  port: $((port + 3))
hosts:
  default:
    paths:
      /:
        file.dir: $work/www
CONF
taskset -c "$last" h2o -c "$work/h2o.conf" >"$work/h2o.out" 2>&1 &
h2o_pid=$!

for p in $port $((port + 2)); do
  for _ in $(seq 50); do curl -kfs "https://127.0.0.1:$p/" >/dev/null 2>&1 && break; sleep 0.1; done
  curl -kfs "https://127.0.0.1:$p/" >/dev/null || { echo "bench: nothing answers on https://127.0.0.1:$p/" >&2; exit 1; }
done
"$root/fwbench" --version >/dev/null   # builds on first use, outside the measurements

# server_ticks NAME: the user+system clock ticks so far of the server of case NAME (nginx's worker; h2o and its children)
server_ticks() {
  local pids
  case $1 in
    nginx*) pids=$(pgrep -P "$nginx_pid") ;;
    h2o*) pids="$h2o_pid $(pgrep -P "$h2o_pid" | tr '\n' ' ')" ;;
  esac
  # shellcheck disable=SC2086
  awk '{ s += $14 + $15 } END { print s }' $(printf '/proc/%s/stat ' $pids)
}

# per_request TICKS N: microseconds per request of TICKS clock ticks (10 ms each) over N requests
per_request() { awk -v t="$1" -v n="$2" 'BEGIN { printf "%.2f", t * 1e4 / n }'; }
# core_share TICKS: the share of one core that TICKS clock ticks are over the measured time
core_share() { awk -v t="$1" -v d="$secs" 'BEGIN { printf "%.2f", t / 100 / d }'; }

# json KEY...: a number of fwbench's result, e.g. json client cpuMicrosPerRequest
json() { python3 -c 'import json,sys; v=json.load(open(sys.argv[1]))
for k in sys.argv[2:]: v=v[k]
print(v)' "$work/result.json" "$@"; }

# fwbench_round LABEL FWBENCH-ARGS...: runs fwbench on CPU 0; sets fw_rps, fw_n, fw_us (process), fw_win (window), fw_p50, fw_proto
fwbench_round() {
  cpu_of taskset -c 0 "$root/fwbench" hammer -d "${secs}s" --warmup "${warm}s" --json "$work/result.json" "$@"
  fw_rps=$(json requestsPerSecond)
  fw_n=$(json requests)
  fw_us=$(awk -v c="$cpu" -v n="$fw_n" 'BEGIN { printf "%.2f", c * 1e6 / n }')
  fw_win=$(json client cpuMicrosPerRequest)
  fw_p50=$(json latencyMs p50)
  fw_proto=$(json transport protocol)
}

results="$work/results"
: >"$results"
# name url-of-h2load fwbench-args
cases=(
  "nginx-h2   https://127.0.0.1:$port/           --http 2 -k"
  "nginx-h2c  http://127.0.0.1:$((port + 1))/    --http 2"
  "h2o-h2     https://127.0.0.1:$((port + 2))/   --http 2 -k"
  "h2o-h2c    http://127.0.0.1:$((port + 3))/    --http 2"
)
# h2load_rps: the req/s of h2load's output in $work/out
h2load_rps() { sed -n 's/^finished in [0-9.]*s, \([0-9.]*\) req\/s.*/\1/p' "$work/out"; }
# h2load_run TARGET: h2load on CPU 0; sets h_rps, h_n, h_us and h_ticks (the server's ticks meanwhile)
h2load_run() {
  local t0
  t0=$(server_ticks "$name")
  # shellcheck disable=SC2046
  cpu_of taskset -c 0 h2load -c"$conns" -m"$streams" -D"$secs" $([ "$warm" = 0 ] || echo "--warm-up-time=${warm}s") "$1"
  h_ticks=$(( $(server_ticks "$name") - t0 ))
  h_rps=$(h2load_rps)
  h_n=$(sed -n 's/^requests: \([0-9]*\) total.*/\1/p' "$work/out")
  # its CPU over the measured time only (it counts no request of its warm-up; C needs no warming, its rate is even)
  h_us=$(awk -v c="$cpu" -v n="$h_n" -v d="$secs" -v w="$warm" 'BEGIN { printf "%.2f", c * d / (d + w) * 1e6 / n }')
}
# fwbench_run ARGS...: fwbench_round, and f_ticks (the engine's own warm-up loads a server of its own: with
# WARMUP=0 the target's ticks are the measured run's)
fwbench_run() {
  local t0
  t0=$(server_ticks "$name")
  fwbench_round "$@"
  f_ticks=$(( $(server_ticks "$name") - t0 ))
}

# The clients take turns, and which goes first alternates from round to round (h2load first in odd rounds), so
# that a server whose speed drifts within a round (nginx switches between two levels) favours neither.
for c in "${cases[@]}"; do
  read -r name target args <<<"$c"
  for r in $(seq "$rounds"); do
    if [ $((r % 2)) = 1 ]; then
      h2load_run "$target"
      # shellcheck disable=SC2086
      fwbench_run -c "$conns" -m "$streams" $args "$target"
    else
      # shellcheck disable=SC2086
      fwbench_run -c "$conns" -m "$streams" $args "$target"
      h2load_run "$target"
    fi
    printf '%-9s round %d  h2load %9.0f req/s %6.2f us/req   fwbench (%s) %9.0f req/s %6.2f us/req (process) %6.2f (window)\n' \
      "$name" "$r" "$h_rps" "$h_us" "$fw_proto" "$fw_rps" "$fw_us" "$fw_win"
    hs=0 fs=0
    if [ "$warm" = 0 ]; then
      hs=$(per_request "$h_ticks" "$h_n")
      fs=$(per_request "$f_ticks" "$fw_n")
      printf '%-9s          server under h2load %.2f of a core, %6.2f us/req   under fwbench %.2f of a core, %6.2f us/req\n' \
        "" "$(core_share "$h_ticks")" "$hs" "$(core_share "$f_ticks")" "$fs"
    fi
    echo "$name $h_rps $h_us $fw_rps $fw_us $fw_win $hs $fs" >>"$results"
  done
done
# HTTPS over HTTP/1.1: wrk (no ALPN: nginx answers HTTP/1.1) against fwbench's default, taking turns as above
wrk_run() {
  cpu_of taskset -c 0 wrk -t1 -c"$conns" -d"${secs}s" "https://127.0.0.1:$port/"
  w_rps=$(awk '/^Requests\/sec:/ {print $2}' "$work/out")
  w_us=$(awk -v c="$cpu" -v n="$(awk '/requests in/ {print $1}' "$work/out")" 'BEGIN { printf "%.2f", c * 1e6 / n }')
}
for r in $(seq "$rounds"); do
  if [ $((r % 2)) = 1 ]; then
    wrk_run
    fwbench_round -c "$conns" -k "https://127.0.0.1:$port/"
  else
    fwbench_round -c "$conns" -k "https://127.0.0.1:$port/"
    wrk_run
  fi
  printf '%-9s round %d  wrk    %9.0f req/s %6.2f us/req   fwbench (%s) %9.0f req/s %6.2f us/req (process) %6.2f (window)\n' \
    "nginx-tls" "$r" "$w_rps" "$w_us" "$fw_proto" "$fw_rps" "$fw_us" "$fw_win"
  echo "nginx-tls $w_rps $w_us $fw_rps $fw_us $fw_win" >>"$results"
done

echo
echo "p50 at one request in flight (-c 1 -m 1, neither client saturates), nginx h2 and h2c, $rounds rounds each."
echo "h2load starts a request's clock when nghttp2 serializes its HEADERS frame and stops it when the stream"
echo "closes: its own turnaround (the read's end to the next frame) is outside its latency, while fwbench's clock"
echo "starts with the attempt. The round trip (1 / req/s, one request in flight) is the same span for both:"
: >"$work/p50"
for c in "nginx-h2 https://127.0.0.1:$port/ --http 2 -k" "nginx-h2c http://127.0.0.1:$((port + 1))/ --http 2"; do
  read -r name target args <<<"$c"
  for r in $(seq "$rounds"); do
    # shellcheck disable=SC2086
    [ $((r % 2)) = 1 ] || fwbench_round -c 1 -m 1 $args "$target"
    rm -f "$work/h2load.log"
    taskset -c 0 h2load -c1 -m1 -D"$secs" --log-file="$work/h2load.log" "$target" >"$work/out"
    h_p50=$(awk '{ print $3 / 1000 }' "$work/h2load.log" | median)   # its third column: microseconds
    h_rps=$(h2load_rps)
    # shellcheck disable=SC2086
    [ $((r % 2)) = 0 ] || fwbench_round -c 1 -m 1 $args "$target"
    awk -v n="$name" -v r="$r" -v h="$h_p50" -v f="$fw_p50" -v hr="$h_rps" -v fr="$fw_rps" \
      'BEGIN { printf "  %-9s round %d  p50: h2load %.3f ms, fwbench %.3f ms, ratio %.2f   round trip: h2load %.1f us, fwbench %.1f us, ratio %.2f\n",
               n, r, h, f, f / h, 1e6 / hr, 1e6 / fr, hr / fr }'
    echo "$name $h_p50 $fw_p50 $h_rps $fw_rps" >>"$work/p50"
  done
done

echo
echo "$rounds rounds ($conns connections x $streams streams, ${secs}s, client on CPU 0, servers on CPU $last)."
[ -z "${KEEP:-}" ] || { mkdir -p "$KEEP" && cp "$work/results" "$work/p50" "$KEEP/"; echo "rounds kept in $KEEP"; }
python3 "$root/bench/h2load-summary.py" "$work"
