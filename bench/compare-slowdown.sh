#!/usr/bin/env bash
# Does `fwbench compare` survive an A/A test and still catch a real slowdown? Runs the same suite twice (A, A')
# and once more with one target throttled (B: its JVM limited to the C1 compiler, -XX:TieredStopAtLevel=1,
# typically 20-40 % less throughput), then compares A with A' (expected: exit 0 with --fail-on-regression 10)
# and A with B (expected: exit 1, the throttled target's throughput named).
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
for run in a a2; do
  "$root/fwbench" run --out "$out/$run" "$@" > "$out/$run.log" 2>&1
done
"$root/fwbench" run "$out/throttled.yaml" --out "$out/b" "$@" > "$out/b.log" 2>&1
echo "== A/A: expected exit 0"
"$root/fwbench" compare "$out/a/results.json" "$out/a2/results.json" --fail-on-regression 10 | tail -n 4
echo "exit ${PIPESTATUS[0]}"
echo "== A/B ($target throttled): expected exit 1 with $target's throughput"
"$root/fwbench" compare "$out/a/results.json" "$out/b/results.json" --fail-on-regression 10 | tail -n 6
echo "exit ${PIPESTATUS[0]}"
