#!/usr/bin/env python3
"""The first seed's client, re-created: what compare.py 0.4.x did to each server, on this machine.

compare.py's hammer() started one thread per request in a loop, each thread doing one
requests.get(url, timeout=T) on a new connection, then joined them all; servers were hammered one
after another. Its figures were the batch's wall time / N ("seconds/call"), the share of 200s and a
Counter of status codes (-1 for an exception). This script does the same with the same library and
adds what the seed did not print: how long launching the N threads took (the arrival rate the servers
actually saw), how bursty those arrivals were, what each exception was, and the client's own CPU per call. Loopback URLs only.

Usage: bench/seed-hammer.py [-n 2000] [-t 1.0] [--json FILE] NAME=URL [NAME=URL ...]
"""
import argparse
import json
import sys
import threading
import time
from collections import Counter
from urllib.parse import urlparse

import requests


def hammer(url, n, timeout):
    results = []
    kinds = Counter()
    starts = []

    def call():
        starts.append(time.time())
        try:
            results.append(requests.get(url, timeout=timeout).status_code)
        except Exception as e:  # noqa: BLE001 - the seed counted every exception as -1
            results.append(-1)
            kinds[type(e).__name__] += 1

    cpu0 = time.process_time()
    t0 = time.time()
    threads = []
    for _ in range(n):
        t = threading.Thread(target=call)
        t.start()
        threads.append(t)
    launched = time.time() - t0
    for t in threads:
        t.join()
    wall = time.time() - t0
    return {"wall": wall, "launch": launched, "cpu": time.process_time() - cpu0, "counter": Counter(results),
            "exceptions": kinds, "burst": busiest(starts, 0.1)}


def busiest(times, window):
    """The most calls that began within any `window` seconds: how bursty the arrivals were."""
    times = sorted(times)
    most, j = 0, 0
    for i, t in enumerate(times):
        while times[i] - times[j] > window:
            j += 1
        most = max(most, i - j + 1)
    return most


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("-n", type=int, default=2000, help="calls per server (the seed: 2000)")
    p.add_argument("-t", type=float, default=1.0, help="timeout in seconds (the seed: 1)")
    p.add_argument("--json", help="write the figures to this file")
    p.add_argument("servers", nargs="+", metavar="NAME=URL")
    a = p.parse_args()
    out = []
    for spec in a.servers:
        name, _, url = spec.partition("=")
        if urlparse(url).hostname not in ("127.0.0.1", "localhost", "::1"):
            sys.exit(f"seed-hammer: {url}: loopback URLs only")
        r = hammer(url, a.n, a.t)
        ok = r["counter"][200]
        row = {"name": name, "url": url, "calls": a.n, "ok": ok, "successPercent": 100.0 * ok / a.n,
               "secondsPerCall": r["wall"] / a.n, "launchSeconds": r["launch"],
               "launchRate": a.n / r["launch"] if r["launch"] > 0 else None,
               "clientCpuMsPerCall": 1000 * r["cpu"] / a.n,
               "statuses": {str(k): v for k, v in sorted(r["counter"].items())},
               "exceptions": dict(r["exceptions"]), "mostCallsIn100ms": r["burst"]}
        out.append(row)
        print(f"{name:<10} {url:<40} took {row['secondsPerCall']:.4f} seconds/call, with "
              f"{row['successPercent']:5.1f}% success - {dict(r['counter'])}  "
              f"[threads launched in {r['launch']:.2f} s = {row['launchRate']:.0f}/s, "
              f"client CPU {row['clientCpuMsPerCall']:.2f} ms/call, at most {r['burst']} calls began in 100 ms"
              + (f", -1 were {dict(r['exceptions'])}" if r["exceptions"] else "") + "]", flush=True)
        time.sleep(1)  # the seed printed and moved on; a second lets the last sockets close
    if a.json:
        with open(a.json, "w") as f:
            json.dump(out, f, indent=2)


if __name__ == "__main__":
    main()
