#!/usr/bin/env bash
# Does `fwbench run --mode ab` measure what ab measures? The seed's third experiment (ab -n 1000 -c 4, no -k,
# five times) against pure tornado's /template (targets/python/tornado_app.py on the last CPU): one ab run to warm the
# server (not counted), five ab runs,
# then `fwbench run --mode ab` on the same running server (its five runs), then five ab runs again, clients on
# CPU 0. Prints every run's req/s, ab's median over its ten runs and their spread, each fwbench run's ratio to it; exits 1
# when a fwbench run is more than 10 % away from ab's median.
# Usage: bench/ab-mode.sh   (env: PORT=18083 PATH_=/template PYTHON=/usr/bin/python3)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
port=${PORT:-18083}
path=${PATH_:-/template}
python=${PYTHON:-/usr/bin/python3}
last=$(( $(nproc) - 1 ))
url="http://127.0.0.1:$port$path"
. "$root/bench/nginx.sh"   # $work, its clean-up, bench_install and median (nginx itself is not started)
bench_install ab:apache2-utils taskset:util-linux curl:curl
"$root/fwbench" --version >/dev/null   # builds on first use, outside the measurements

taskset -c "$last" "$python" "$root/targets/python/tornado_app.py" "$port" >"$work/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; [ -n "${KEEP:-}" ] || bench_cleanup' EXIT
for _ in $(seq 100); do curl -sf -o /dev/null "$url" && break; sleep 0.1; done

ab_runs() {
  for r in 1 2 3 4 5; do
    taskset -c 0 ab -q -n 1000 -c 4 "$url" | awk '/^Requests per second:/ {print $4}' | tee -a "$work/ab"
  done
}
# one run not counted, so that neither client meets the server's first requests (template compilation,
# first allocations); the rest of the spread between runs is the machine's (see ab's own spread below)
taskset -c 0 ab -q -n 2000 -c 4 "$url" >/dev/null
echo "ab -n 1000 -c 4 $url, five runs:"
ab_runs | paste -sd' '
echo "fwbench run --mode ab (five runs of 1000 requests on 4 connections, a new connection each):"
"$root/fwbench" run --mode ab --url "tornado=http://127.0.0.1:$port" --path "$path" --out "$work/fw" --force \
  >"$work/fw.log" 2>&1 || { tail -n 20 "$work/fw.log"; exit 1; }
python3 - "$work/fw/results.json" >"$work/fwbench" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
for m in d["targets"][0]["scenarios"][0]["measurements"]:
    print(round(m["load"]["throughput"], 1))
PY
paste -sd' ' "$work/fwbench"
echo "ab again, five runs:"
ab_runs | paste -sd' '

median=$(median <"$work/ab")
echo "ab median over ten runs: $median req/s; $(uptime | sed 's/.*load/load/')"
awk -v m="$median" 'NR == 1 { lo = hi = $1 } { lo = $1 < lo ? $1 : lo; hi = $1 > hi ? $1 : hi }
  END { printf "  ab'"'"'s own runs: %.2f-%.2fx their median (the machine'"'"'s noise on this server)\n", lo / m, hi / m }' "$work/ab"
awk -v m="$median" '{ r = $1 / m; printf "  fwbench run %d: %.0f req/s, %.2fx ab%s\n", NR, $1, r, (r < 0.9 || r > 1.1) ? "  (more than 10 % off)" : ""; if (r < 0.9 || r > 1.1) bad = 1 } END { exit bad }' "$work/fwbench"
