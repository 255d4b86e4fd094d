#!/usr/bin/env python3
"""What a Java target's JIT does to its CPU per request at a fixed rate: the figure behind fwbench counting the
compiler threads apart there. The target starts on the last CPU with the suite's JVM settings; wrk (on CPU 0, as
fwbench pins its engine) loads its five routes in turn, 1 s each, ROUNDS times (a warm-up like a start's); then
`fwbench hammer -R RATE` loads ROUTE for SECONDS while the target's threads are read from /proc every 0.5 s.
Prints each 0.5 s window of the measured load: the target's CPU, its compilers' part, and the CPU per request
with and without them; then the median and range of both.
Usage: bench/fixed-rate-jit.py [TARGET]   (default javalin)
  env: RATE=227 ROUTE=/static/style-100k.css SECONDS=30 ROUNDS=3 PORT=18731
Loopback only; every load bounded by its duration.
"""
import json, os, shutil, statistics, subprocess, sys, tempfile, threading, time

from jvmcpu import JAVA, JAVA_TARGETS, ROOT, SUITE_JVM, cpu_ns
import loopback

TARGET = sys.argv[1] if len(sys.argv) > 1 else "javalin"
RATE = float(os.environ.get("RATE", 227))
ROUTE = os.environ.get("ROUTE", "/static/style-100k.css")
SECS = int(os.environ.get("SECONDS", 30))
ROUNDS = int(os.environ.get("ROUNDS", 3))
PORT = int(os.environ.get("PORT", 18731))
ROUTES = ["/plaintext", "/json", "/hello/World", "/template", "/static/style-100k.css"]
LAST = os.cpu_count() - 1


def main():
    if TARGET not in JAVA_TARGETS:
        print(f"{TARGET}: not a Java target; one of {', '.join(JAVA_TARGETS)}", file=sys.stderr)
        sys.exit(2)
    jar = f"{ROOT}/targets/java/{TARGET}/target/fwbench-target-{TARGET}.jar"
    if not os.path.exists(jar):
        raise SystemExit(f"no {jar}: build it with ./fwbench --version")
    if not shutil.which("wrk"):
        raise SystemExit("needs wrk (Debian package wrk)")
    base = f"http://127.0.0.1:{PORT}"
    server = loopback.start(LAST, [JAVA, *SUITE_JVM, "-jar", jar, str(PORT)], PORT)
    try:
        for _ in range(ROUNDS):
            for r in ROUTES:
                subprocess.run(["taskset", "-c", "0", "wrk", "-t1", "-c16", "-d1s", base + r],
                               stdout=subprocess.DEVNULL, check=True)
        samples, stop = [], threading.Event()

        def sample():
            while not stop.is_set():
                samples.append((time.time(), cpu_ns(server.pid, False), cpu_ns(server.pid, True)))
                time.sleep(0.5)

        sampler = threading.Thread(target=sample, daemon=True)  # ends with the script if the load fails
        sampler.start()
        with tempfile.NamedTemporaryFile(suffix=".json") as out:
            subprocess.run(["taskset", "-c", "0", f"{ROOT}/fwbench", "hammer", "-R", str(RATE), "-d", f"{SECS}s",
                            "--json", out.name, base + ROUTE], stdout=subprocess.DEVNULL, check=True)
            result = json.load(open(out.name))
        stop.set()
        sampler.join()
    finally:
        server.kill()
        server.wait()
    begin, end = result["startedAtMillis"] / 1000, result["endedAtMillis"] / 1000
    inside = [s for s in samples if begin <= s[0] <= end]
    print(f"{TARGET} {ROUTE} at {RATE:g} req/s ({result['ok']} ok of {result['requests']}), 0.5 s windows:")
    with_jit, without = [], []
    for (t0, all0, jit0), (t1, all1, jit1) in zip(inside, inside[1:]):
        requests = RATE * (t1 - t0)
        total, jit = (all1 - all0) / 1e6, (jit1 - jit0) / 1e6
        with_jit.append(total * 1e3 / requests)
        without.append((total - jit) * 1e3 / requests)
        print(f"  {t0 - begin:5.1f} s  CPU {total:6.1f} ms, compilers {jit:6.1f} ms;"
              f"  µs per request {with_jit[-1]:6.0f}, without the compilers {without[-1]:6.0f}")
    for name, v in (("with the compilers", with_jit), ("without them", without)):
        print(f"µs per request {name}: median {statistics.median(v):.0f} ({min(v):.0f}-{max(v):.0f})")


if __name__ == "__main__":
    main()
