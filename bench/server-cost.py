#!/usr/bin/env python3
"""Do wrk and fwbench load a server the same way? The server's own cost per request under each client.

A Python target from targets/python (e.g. tornado, flask) runs on the last CPU; wrk and `fwbench hammer`
take turns on CPU 0 against its /plaintext, 16 connections, keep-alive or `Connection: close`. Over each
client's measured window (wrk: its run less the first second and the last half second; fwbench: the window
its JSON reports, less half a second at each end) it reads the server's CPU time (/proc/PID/stat) and the
machine's TCP segments sent and received (/proc/net/snmp: loopback, so every segment is counted twice, once
out and once in; nothing else should be using the network meanwhile), and prints per round:
req/s, server CPU microseconds per request, and TCP segments per request.

When both clients give the server the same work (the same segments, the same CPU per request), a difference
in their req/s is the server's drift between the two runs, not the clients; when they do not, the segments
say what differs (docs/hammer.md, "Agreement with wrk and ab").

Usage: bench/server-cost.py APP [keep-alive|close] [ROUNDS]   (env: PORT=19500 PYTHON=/usr/bin/python3)
Loopback only; each client run lasts about 6 s.
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
import time

import loopback

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TICKS = os.sysconf("SC_CLK_TCK")


def main(argv):
    if not argv or argv[0].startswith("-"):
        print(__doc__.strip().splitlines()[-2], file=sys.stderr)
        return 2
    app = argv[0]
    mode = argv[1] if len(argv) > 1 else "keep-alive"
    rounds = int(argv[2]) if len(argv) > 2 else 3
    if mode not in ("keep-alive", "close"):
        print(f"server-cost: mode must be keep-alive or close, not {mode}", file=sys.stderr)
        return 2
    script = os.path.join(ROOT, "targets", "python", f"{app}_app.py")
    if not os.path.exists(script):
        print(f"server-cost: no such target: {script}", file=sys.stderr)
        return 2
    port = int(os.environ.get("PORT", "19500"))
    last = os.cpu_count() - 1
    server = loopback.start(last, [os.environ.get("PYTHON", "/usr/bin/python3"), script, str(port)], port)
    try:
        url = f"http://127.0.0.1:{port}/plaintext"
        header = ["-H", "Connection: close"] if mode == "close" else []
        print(f"{app} {url}, {mode}, 16 connections; server on CPU {last}, clients on CPU 0, taking turns")
        for r in range(1, rounds + 1):
            # which client goes first alternates, so that a drift of the server does not always favour one
            for client in (("wrk", "fwbench") if r % 2 else ("fwbench", "wrk")):
                rps, seconds, cpu, segments = measure(client, url, header, server.pid)
                n = rps * seconds
                print(f"round {r}  {client:<8} {rps:8.0f} req/s   server CPU {cpu * 1e6 / n:7.1f} us/request   "
                      f"TCP segments {segments / n:5.2f} per request", flush=True)
    finally:
        server.kill()
        server.wait()
    return 0


def sample(pid):
    """Now, the machine's TCP segments in and out so far, and the server's CPU seconds so far."""
    with open("/proc/net/snmp") as f:
        rows = [line.split() for line in f if line.startswith("Tcp:")]
    tcp = dict(zip(rows[0][1:], rows[1][1:]))
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return time.time(), int(tcp["InSegs"]) + int(tcp["OutSegs"]), (int(fields[11]) + int(fields[12])) / TICKS


def measure(client, url, header, pid):
    """One client run: its req/s and, over its measured window, seconds, server CPU seconds and TCP segments."""
    samples = []
    stop = threading.Event()

    def sampler():
        while not stop.is_set():
            samples.append(sample(pid))
            time.sleep(0.05)

    thread = threading.Thread(target=sampler)
    thread.start()
    try:
        if client == "wrk":
            began = time.time()
            out = subprocess.run(["taskset", "-c", "0", "wrk", "-t1", "-c16", "-d6s", *header, url],
                                 capture_output=True, text=True, check=True).stdout
            ended = time.time()
            rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
            window = (began + 1.0, ended - 0.5)
        else:
            with tempfile.NamedTemporaryFile(suffix=".json") as result:
                subprocess.run(["taskset", "-c", "0", os.path.join(ROOT, "fwbench"), "hammer", "-c", "16", "-d", "5s",
                                "--warmup", "1s", *header, "--json", result.name, url],
                               capture_output=True, check=True)
                doc = json.load(open(result.name))
            rps = doc["requestsPerSecond"]
            window = (doc["startedAtMillis"] / 1000 + 0.5, doc["endedAtMillis"] / 1000 - 0.5)
    finally:
        stop.set()
        thread.join()
    a = min(samples, key=lambda s: abs(s[0] - window[0]))
    b = min(samples, key=lambda s: abs(s[0] - window[1]))
    return rps, b[0] - a[0], b[2] - a[2], b[1] - a[1]


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
