#!/usr/bin/env python3
"""Where a run's throughput spread comes from: each scenario's log req/s split into a target's own level, a round's
level shared by all targets (the machine drifting over the run), and what is left, start to start (a JVM's
compilations, the speed levels of docs/statistics.md). Rounds are what interleaving protects against; the start
level is what only more starts shrink. Also printed: the smallest ratio of two targets that the start-to-start
spread lets 3 (or R) starts tell apart, about 1.96 x sd x sqrt(2 / R) on the log scale (the run's own test uses
Student's t and a spread pooled over scenarios, so read it as a guide), and the share of target pairs closer
than that.

Usage: bench/variance-split.py RESULTS.json [RESULTS.json ...]
"""
import json
import math
import statistics
import sys


def cells(doc, scenario):
    """{(target, round): mean log req/s of that start's successful measurements}."""
    values = {}
    for t in doc["targets"]:
        for sc in t["scenarios"]:
            if sc["scenario"] != scenario:
                continue
            for m in sc["measurements"]:
                rps = m["load"]["requestsPerSecond"]
                if m["load"]["ok"] > 0 and rps > 0:
                    values.setdefault((t["name"], m["conditions"]["round"]), []).append(math.log(rps))
    return {k: statistics.mean(v) for k, v in values.items()}


def split(y):
    """Two-way split without interaction over the targets and rounds that have every cell."""
    targets = sorted({t for t, _ in y})
    rounds = sorted({r for _, r in y})
    targets = [t for t in targets if all((t, r) in y for r in rounds)]
    if len(targets) < 2 or len(rounds) < 2:
        return None
    grand = statistics.mean(y[(t, r)] for t in targets for r in rounds)
    target = {t: statistics.mean(y[(t, r)] for r in rounds) - grand for t in targets}
    rnd = {r: statistics.mean(y[(t, r)] for t in targets) - grand for r in rounds}
    residual = sum((y[(t, r)] - grand - target[t] - rnd[r]) ** 2 for t in targets for r in rounds)
    ms_residual = residual / ((len(targets) - 1) * (len(rounds) - 1))
    ms_round = len(targets) * sum(v * v for v in rnd.values()) / (len(rounds) - 1)
    round_var = max(0.0, (ms_round - ms_residual) / len(targets))
    sd_start = math.sqrt(ms_residual)
    reach = math.exp(1.96 * sd_start * math.sqrt(2 / len(rounds)))
    levels = [target[t] for t in targets]
    pairs = [(a, b) for i, a in enumerate(levels) for b in levels[i + 1:]]
    close = sum(1 for a, b in pairs if math.exp(abs(a - b)) < reach)
    return len(targets), len(rounds), sd_start, math.sqrt(round_var), reach, close / len(pairs)


def main(files):
    if not files:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    for path in files:
        with open(path) as f:
            doc = json.load(f)
        scenarios = list(dict.fromkeys(sc["scenario"] for t in doc["targets"] for sc in t["scenarios"]))
        print(f"{path}")
        print(f"  {'scenario':12} {'targets':>7} {'rounds':>6} {'start sd':>8} {'round sd':>8} {'tells apart':>11}"
              f" {'pairs closer':>12}")
        for name in scenarios:
            s = split(cells(doc, name))
            if s is None:
                print(f"  {name:12} (fewer than 2 targets or rounds with every cell)")
                continue
            n, rounds, sd_start, sd_round, reach, close = s
            print(f"  {name:12} {n:7d} {rounds:6d} {100 * sd_start:7.1f}% {100 * sd_round:7.1f}%"
                  f" {reach:10.2f}x {100 * close:11.0f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
