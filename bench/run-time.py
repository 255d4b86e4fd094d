#!/usr/bin/env python3
"""Where a run's time went: its wall time (results.json's start and end) split into the targets' start-ups
(until each answered), their warm-ups, the measured loads, the fixed-rate loads, and the rest (memory readings,
settles, verification, stops, the engine's own warm-up); then each target's warm-ups, shortest to longest.
A start is warmed up once for all its scenarios, so its warm-up is counted once.

Usage: bench/run-time.py RESULTS.json [RESULTS.json ...]
"""
import json
import sys


def split(doc):
    startups = sum(s["startupSeconds"] or 0 for t in doc["targets"] for s in t["starts"])
    warmups, measured, fixed = {}, 0.0, 0.0
    for t in doc["targets"]:
        for sc in t["scenarios"]:
            for m in sc["measurements"]:
                measured += m["load"]["durationSeconds"]
                if m.get("fixedRate"):
                    fixed += m["fixedRate"]["seconds"]
                warmup = (m.get("conditions") or {}).get("warmup")
                if warmup:
                    warmups.setdefault(t["name"], {})[m["repeat"]] = warmup["seconds"]
    total = (doc["endedAtMillis"] - doc["startedAtMillis"]) / 1000
    warm = sum(sum(w.values()) for w in warmups.values())
    return total, startups, warm, measured, fixed, warmups


def main(files):
    if not files:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    for path in files:
        with open(path) as f:
            total, startups, warm, measured, fixed, warmups = split(json.load(f))
        rest = total - startups - warm - measured - fixed
        starts = sum(len(w) for w in warmups.values())
        print(f"{path}: {total:.0f} s = start-ups {startups:.0f} s + warm-ups {warm:.0f} s ({starts} starts)"
              f" + measured {measured:.1f} s + fixed rate {fixed:.1f} s + the rest {rest:.0f} s")
        for name, w in warmups.items():
            print(f"  {name:16} warm-ups " + ", ".join(f"{s:.1f}" for s in sorted(w.values())) + " s")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
