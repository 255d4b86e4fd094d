#!/usr/bin/env python3
"""How far two fwbench runs of the same suite agree: the figures of issue 8's acceptance test.

Usage: bench/run-agreement.py A/results.json B/results.json [--check]

For every scenario and ranked metric present in both runs it prints
  tau      Kendall's tau-b between the two runs' orders of the targets (by median)
  tied     share of target pairs the tool itself ranks tied (same rank), averaged over the two runs
  kept     of the pairs one run ranks apart, the share the other run orders the same way (both directions)
  moved    median over targets of |median_B / median_A - 1|
and a summary per metric. --check exits 1 when the throughput criteria (tau >= 0.9 on average and none
below 0.7, at most 15 % of pairs tied, median move at most 10 %) or the kept-order criterion (>= 95 % for
every ranked metric) fail. Reads results.json of any schema version that has "rankings".
"""
import itertools
import json
import statistics
import sys

METRICS = ["throughput", "p99Ms", "memoryAfterBytes"]


def rankings(path):
    with open(path) as f:
        doc = json.load(f)
    out = {}
    for r in doc.get("rankings", []):
        # ranks are listed best first (by median, in the metric's direction): the position is the order
        out[(r["scenario"], r["metric"])] = {e["target"]: dict(e, position=i) for i, e in enumerate(r["ranks"])}
    return out


def kendall_tau_b(xs, ys):
    concordant = discordant = tx = ty = 0
    for i, j in itertools.combinations(range(len(xs)), 2):
        dx = (xs[i] > xs[j]) - (xs[i] < xs[j])
        dy = (ys[i] > ys[j]) - (ys[i] < ys[j])
        if dx == 0 and dy == 0:
            continue
        if dx == 0:
            tx += 1
        elif dy == 0:
            ty += 1
        elif dx == dy:
            concordant += 1
        else:
            discordant += 1
    denominator = ((concordant + discordant + tx) * (concordant + discordant + ty)) ** 0.5
    return (concordant - discordant) / denominator if denominator else 1.0


def kept(apart_in, other, pairs):
    """Pairs ranked apart in one run, and how many the other run orders the same way (by median)."""
    total = same = 0
    for a, b in pairs:
        ra, rb = apart_in[a]["rank"], apart_in[b]["rank"]
        if ra == rb:
            continue
        total += 1
        # The other run orders them the same way when its medians (its list order) put them the same way
        # round, whether or not it calls the difference significant.
        same += (other[a]["position"] < other[b]["position"]) == (ra < rb)
    return same, total


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    check = "--check" in argv
    if len(args) != 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    a, b = rankings(args[0]), rankings(args[1])
    keys = [k for k in a if k in b and k[1] in METRICS]
    if not keys:
        print("run-agreement: the two runs have no ranked scenario in common", file=sys.stderr)
        return 2
    print(f"{'scenario':<14} {'metric':<18} {'targets':>7} {'tau':>6} {'tied':>6} {'kept':>9} {'moved':>7}")
    per_metric = {}
    for scenario, metric in keys:
        ra, rb = a[(scenario, metric)], b[(scenario, metric)]
        names = sorted(set(ra) & set(rb))
        if len(names) < 2:
            continue
        pairs = list(itertools.combinations(names, 2))
        tau = kendall_tau_b([ra[n]["median"] for n in names], [rb[n]["median"] for n in names])
        tied = statistics.mean(
            sum(r[x]["rank"] == r[y]["rank"] for x, y in pairs) / len(pairs) for r in (ra, rb))
        s1, t1 = kept(ra, rb, pairs)
        s2, t2 = kept(rb, ra, pairs)
        moved = statistics.median(
            abs(rb[n]["median"] / ra[n]["median"] - 1) if ra[n]["median"] else 0.0 for n in names)
        print(f"{scenario:<14} {metric:<18} {len(names):>7} {tau:>6.2f} {tied:>6.0%} "
              f"{s1 + s2:>4}/{t1 + t2:<4} {moved:>7.1%}")
        m = per_metric.setdefault(metric, {"tau": [], "tied": [], "same": 0, "apart": 0, "moved": []})
        m["tau"].append(tau)
        m["tied"].append(tied)
        m["same"] += s1 + s2
        m["apart"] += t1 + t2
        m["moved"].append(moved)
    print()
    failures = []
    for metric, m in per_metric.items():
        kept_share = m["same"] / m["apart"] if m["apart"] else 1.0
        print(f"{metric:<18} tau mean {statistics.mean(m['tau']):.2f} (min {min(m['tau']):.2f}), "
              f"tied {statistics.mean(m['tied']):.0%}, kept {kept_share:.0%} of {m['apart']} pairs ranked apart, "
              f"moved {statistics.median(m['moved']):.1%} (median)")
        if kept_share < 0.95:
            failures.append(f"{metric}: only {kept_share:.0%} of pairs ranked apart keep their order (>= 95 %)")
        if metric == "throughput":
            if statistics.mean(m["tau"]) < 0.9 or min(m["tau"]) < 0.7:
                failures.append("throughput: Kendall tau below 0.9 on average or below 0.7 somewhere")
            if statistics.mean(m["tied"]) > 0.15:
                failures.append("throughput: more than 15 % of pairs tied")
            if statistics.median(m["moved"]) > 0.10:
                failures.append("throughput: a target's median moved by more than 10 % (median over targets)")
    for f in failures:
        print("criterion not met: " + f)
    return 1 if check and failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
