#!/usr/bin/env python3
"""Noise from outside the VM that steal time does not show, and what it does to a fast server.

Without a target: bench/CacheProbe.java (a pointer chase over 4 MB) on the last CPU, 40 slots of 0.5 s,
printed with their spread. On an idle VM the figure should be flat; when it swings, something outside the VM (most
likely another guest's cache and memory traffic) is slowing memory-bound programs here, while /proc/stat's steal
stays at 0.

With a target (a built-in Java target: jetty, netty, undertow, vertx, ...): the target on the last CPU, as
fwbench pins it, warmed for 15 s by wrk on CPU 0; then ROUNDS times a 0.3 s probe on CPU 0 (the client's, idle
then: on the target's CPU the probe would also measure the target's own compilers and collector finishing their
work; this VM's two CPUs report one shared L3) followed by a 1 s wrk run (16 connections, /plaintext). Prints
each pair, the levels the target's req/s came in, and the correlation between probe and req/s. Shows whether a target's speed levels (for example
Vert.x at about 105k and about 135k req/s from one start to another and within one, at the same full CPU)
follow the machine.

Usage: bench/host-noise.py [TARGET] [ROUNDS=25]   (env: JAVA=java, PORT=19800; needs wrk with a target)
Loopback only.
"""
import os
import re
import statistics
import subprocess
import sys

import loopback

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
JAVA = os.environ.get("JAVA") or (os.path.join(os.environ["JAVA_HOME"], "bin", "java")
                                  if os.environ.get("JAVA_HOME") else "java")
LAST = str(os.cpu_count() - 1)


def probe(cpu, slots, seconds):
    """Pointer-chase steps per millisecond, one figure per slot, on CPU `cpu`."""
    out = subprocess.run(["taskset", "-c", cpu, JAVA, os.path.join(ROOT, "bench", "CacheProbe.java"), "4",
                          str(slots), str(seconds)], capture_output=True, text=True, check=True).stdout
    return [int(x) for x in out.split()]


def spread(values):
    m = statistics.median(values)
    return f"median {m:,.0f}, min {min(values) / m:.2f}x, max {max(values) / m:.2f}x of it"


def wrk(url, seconds):
    out = subprocess.run(["taskset", "-c", "0", "wrk", "-t1", "-c16", f"-d{seconds}s", url],
                         capture_output=True, text=True, check=True).stdout
    return float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))


def main(argv):
    if argv and argv[0].startswith("-"):
        print(__doc__.strip().splitlines()[-2], file=sys.stderr)
        return 2
    if not argv:
        values = probe(LAST, 40, 0.5)
        print("cache probe on CPU " + LAST + ", 4 MB, steps/ms per 0.5 s: " + " ".join(map(str, values)))
        print("  " + spread(values))
        return 0
    target = argv[0]
    rounds = int(argv[1]) if len(argv) > 1 else 25
    jar = os.path.join(ROOT, "targets", "java", target, "target", f"fwbench-target-{target}.jar")
    if not os.path.exists(jar):
        print(f"host-noise: no such built target: {jar} (build with ./mvnw -q package -DskipTests)", file=sys.stderr)
        return 2
    port = int(os.environ.get("PORT", "19800"))
    server = loopback.start(LAST, [JAVA, "-Xms64m", "-Xmx256m", "-XX:+UseSerialGC", "-Xss512k", "-jar", jar, str(port)],
                            port)
    try:
        url = f"http://127.0.0.1:{port}/plaintext"
        wrk(url, 15)  # the JIT's warm-up
        pairs = []
        for _ in range(rounds):
            speed = probe("0", 1, 0.3)[0]
            pairs.append((speed, wrk(url, 1)))
    finally:
        server.kill()
        server.wait()
    print(f"{target} on CPU {LAST}: (cache probe steps/ms, then req/s over the next second)")
    print("  " + " ".join(f"{s}:{r / 1000:.0f}k" for s, r in pairs))
    print("  probe: " + spread([s for s, _ in pairs]))
    print("  req/s: " + spread([r for _, r in pairs]))
    print(f"  correlation of probe and req/s: {statistics.correlation([s for s, _ in pairs], [r for _, r in pairs]):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
