#!/usr/bin/env bash
# Does `fwbench compare` survive an A/A test and still catch a real slowdown? Runs the same suite twice (A, A')
# and once more with one target throttled (B: its JVM limited to the C1 compiler, -XX:TieredStopAtLevel=1,
# typically 20-55 % less throughput), then compares A with A' (expected: exit 0 with --fail-on-regression 10)
# and A with B (expected: exit 1, only the throttled target named). Also prints each run's wall time and
# how far A and A' agree on their rankings (bench/run-agreement.py: issue 8's criteria).
# Usage: bench/compare-slowdown.sh [TARGET] [fwbench run options...]   (default: netty, every scenario;
#        env OUT=DIR keeps the three runs there)
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
target=${1:-netty}
shift || true
out=${OUT:-$(mktemp -d)}
echo "compare-slowdown: runs and logs in $out (OUT=DIR to choose)" >&2
# The throttled variant: the same suite with one more JVM flag for one target; the template path made absolute.
sed -e "s|\"\${jvm}\", -jar, \"\${home}/targets/java/$target/|\"\${jvm}\", -XX:TieredStopAtLevel=1, -jar, \"\${home}/targets/java/$target/|" \
    -e "s|html: \.\./targets/|html: $root/targets/|" "$root/suites/java.yaml" > "$out/throttled.yaml"
grep -q TieredStopAtLevel "$out/throttled.yaml" || { echo "compare-slowdown: no target '$target' in suites/java.yaml" >&2; exit 2; }
timed() { # NAME ARGS...: one run, its wall time printed
  local name=$1 begin=$SECONDS; shift
  "$root/fwbench" run "$@" --out "$out/$name" > "$out/$name.log" 2>&1
  local rc=$?
  echo "run $name: $((SECONDS - begin)) s (exit $rc)"
}
timed a "$@"
timed a2 "$@"
timed b "$out/throttled.yaml" "$@"
echo "== A/A agreement of the rankings"
python3 "$root/bench/run-agreement.py" "$out/a/results.json" "$out/a2/results.json" | tail -n 8
echo "== A/A: expected exit 0"
"$root/fwbench" compare "$out/a/results.json" "$out/a2/results.json" --fail-on-regression 10 | tail -n 4
echo "exit ${PIPESTATUS[0]}"
echo "== A/B ($target throttled): expected exit 1 naming $target only"
"$root/fwbench" compare "$out/a/results.json" "$out/b/results.json" --fail-on-regression 10 | tail -n 6
echo "exit ${PIPESTATUS[0]}"
