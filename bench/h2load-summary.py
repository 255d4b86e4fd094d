#!/usr/bin/env python3
"""The summary of bench/vs-h2load.sh, over one run of it or several taken together.

Usage: bench/h2load-summary.py DIR [DIR ...]

Each DIR holds the rounds of one run of the script (it keeps them there with KEEP=DIR): `results`, a line a
round and case ("name ref_rps ref_us fw_rps fw_us fw_window server_ref_us server_fw_us"), and `p50`, a line a
round at one request in flight ("name h2load_p50 fwbench_p50 h2load_rps fwbench_rps"). For every case it prints
the median of the rounds' ratios fwbench / reference, the interval in which the median lies with at least 95 %
confidence whatever the rounds' distribution (between two of the ratios in order, from the binomial
distribution; with fewer than six rounds no such interval exists, and the range of the ratios is given with the
confidence it has: 75 % for three), and in how many rounds fwbench came out ahead. One run's seven rounds give
the range of its ratios as that interval; several runs' rounds together give a narrower one, which is how the
script's runs can tell a client at parity from one a few per cent behind on a host whose servers move by 10 %
from one round to the next. Exits 2 on a missing or malformed file.
"""
import math
import os
import statistics
import sys

CASES = ["nginx-h2", "nginx-h2c", "h2o-h2", "h2o-h2c", "nginx-tls"]


def median_interval(xs):
    """The order statistics x_(k) and x_(n+1-k) with the largest k (at least 1) for which the median lies between
    them with at least 95 % confidence, 1 - 2 P(Binomial(n, 1/2) <= k - 1). Returns them and that confidence."""
    xs = sorted(xs)
    n = len(xs)

    def tail(k):  # P(Binomial(n, 1/2) <= k - 1)
        return sum(math.comb(n, i) for i in range(k)) / 2 ** n

    k = 1
    while k + 1 <= (n + 1) // 2 and 2 * tail(k + 1) <= 0.05:
        k += 1
    return xs[k - 1], xs[n - k], 1 - 2 * tail(k)


def describe(ratios, lower_is_ahead):
    """The median of {ratios}, its interval and confidence, and the rounds fwbench was ahead in: those above 1, or
    below 1 where lower is better (CPU, latency)."""
    lo, hi, cover = median_interval(ratios)
    ahead = sum(v < 1 if lower_is_ahead else v > 1 for v in ratios)
    return (f"{statistics.median(ratios):.2f} ({lo:.2f}-{hi:.2f}, {cover:.0%}; "
            f"fwbench ahead in {ahead} of {len(ratios)})")


def rows(dirs, name, width):
    """The lines of file {name} in each of {dirs}: a case's name, then at least {width} numbers."""
    out = []
    for d in dirs:
        path = os.path.join(d, name)
        if not os.path.exists(path):
            continue
        with open(path) as f:
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                row = line.split()
                try:
                    values = [float(v) for v in row[1:]]
                except ValueError:
                    values = []
                if len(values) < width:
                    fail(f"{path}:{n}: expected a case's name and {width} numbers, got: {line.strip()}")
                out.append((row[0], values))
    return out


def fail(message):
    print(f"h2load-summary: {message}", file=sys.stderr)
    sys.exit(2)


def main(dirs):
    if not dirs:
        fail("usage: bench/h2load-summary.py DIR [DIR ...] (each kept by KEEP=DIR bench/vs-h2load.sh)")
    for d in dirs:
        if not os.path.exists(os.path.join(d, "results")):
            fail(f"no results in {d} (made by KEEP={d} bench/vs-h2load.sh)")
    results = rows(dirs, "results", 5)
    print(f"medians of fwbench / reference over the rounds of {len(dirs)} run(s), each with the interval that "
          "holds the median (its confidence) and the rounds fwbench was ahead in (req/s above, CPU below):")
    for case in CASES:
        r = [x for name, x in results if name == case]
        if not r:
            continue
        rate = [x[2] / x[0] for x in r]
        window = [x[4] / x[1] for x in r]
        process = statistics.median(x[3] / x[1] for x in r)
        print(f"  {case:<9} req/s {describe(rate, False)}")
        print(f"  {'':<9} CPU/request, measured window {describe(window, True)}; "
              f"whole fwbench process {process:.2f}")
        server = [x[6] / x[5] for x in r if len(x) > 6 and x[5] > 0]
        if server:
            print(f"  {'':<9} server CPU/request {describe(server, True)}")
    p50 = rows(dirs, "p50", 4)
    if p50:
        print("p50 and round trip (1 / req/s) at one request in flight, fwbench / h2load (p50 below and round "
              "trip shorter count as ahead):")
    for case in ["nginx-h2", "nginx-h2c"]:
        r = [x for name, x in p50 if name == case]
        if not r:
            continue
        p = [x[1] / x[0] for x in r]
        trip = [x[2] / x[3] for x in r]
        print(f"  {case:<9} p50 {describe(p, True)}   round trip {describe(trip, True)}")


if __name__ == "__main__":
    main(sys.argv[1:])
