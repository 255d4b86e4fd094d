#!/usr/bin/env python3
"""Does a measurement depend on how long its start was warmed up? If a warm-up ends too early, the starts
with short warm-ups measure lower than the same target's other starts.

Usage: bench/warmup-length.py RESULTS.json [RESULTS.json ...]

For each scenario: over the JIT targets whose warm-ups take seconds (jdk-httpserver and helidon, whose cells
are mostly flat, are left out), each measurement's throughput relative to its target's median over all the
files, against its start's warm-up length; prints Pearson's correlation and the mean relative throughput of
starts warmed up for under 8 s and for longer.
"""
import json
import statistics
import sys

TARGETS = ["jetty", "undertow", "netty", "vertx", "javalin"]


def cells(files, scenario, target):
    out = []
    for path in files:
        with open(path) as f:
            doc = json.load(f)
        for t in doc["targets"]:
            if t["name"] != target:
                continue
            for s in t["scenarios"]:
                if s["scenario"] == scenario:
                    out += [(m["load"]["throughput"], m["conditions"]["warmup"]["seconds"]) for m in s["measurements"]]
    return out


def main(files):
    if not files:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    scenarios = []
    with open(files[0]) as f:
        for t in json.load(f)["targets"]:
            scenarios += [s["scenario"] for s in t["scenarios"] if s["scenario"] not in scenarios]
    print(f"{'scenario':<14} {'r':>6} {'< 8 s':>12} {'>= 8 s':>12}")
    for scenario in scenarios:
        seconds, relative = [], []
        for target in TARGETS:
            c = [x for x in cells(files, scenario, target) if x[1] > 0]
            if not c:
                continue
            median = statistics.median(v for v, _ in c)
            seconds += [w for _, w in c]
            relative += [v / median for v, _ in c]
        if len(seconds) < 3:
            continue
        short = [r for w, r in zip(seconds, relative) if w < 8]
        long = [r for w, r in zip(seconds, relative) if w >= 8]
        show = lambda xs: f"{statistics.mean(xs):.3f} ({len(xs)})" if xs else "-"
        print(f"{scenario:<14} {statistics.correlation(seconds, relative):>6.2f} {show(short):>12} {show(long):>12}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
