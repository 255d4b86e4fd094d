#!/usr/bin/env bash
# How far two runs would have agreed with fewer starts: both results cut to the starts of rounds FIRST..LAST
# (bench/FewerStarts.java, fwbench's own summaries and ranks), then bench/run-agreement.py on the cut pair.
# Usage: bench/fewer-starts.sh A/results.json B/results.json FIRST LAST     (e.g. 1 2: the first two starts)
set -euo pipefail
[ $# -eq 4 ] || { echo "usage: $0 A/results.json B/results.json FIRST LAST" >&2; exit 2; }
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$root/scripts/java-home.sh"
fwbench_find_jdk || exit 2
[ -f "$root/app/target/fwbench.jar" ] || "$root/fwbench" --version >/dev/null
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for side in a:"$1" b:"$2"; do
  "$JAVA_HOME/bin/java" -cp "$root/app/target/fwbench.jar:$root/app/target/lib/*" "$root/bench/FewerStarts.java" \
    "${side#*:}" "$tmp/${side%%:*}.json" "$3" "$4"
done
"$root/bench/run-agreement.py" "$tmp/a.json" "$tmp/b.json"
