#!/usr/bin/env python3
"""How long a freshly started Java target needs under load before it is steady: the figure behind the
Java suite's 6 s warm-up maximum. For each target and each of STARTS fresh starts (target on the last CPU,
the engine on CPU 0, as `fwbench run` pins them), one continuous `fwbench hammer` load on one route while
the target's JIT compiler threads (C1/C2 CompilerThread) are read from /proc/PID/task/*/schedstat every
250 ms. Prints per second of load the target's req/s and the share of its CPU the JIT took, then:
  jit quiet after   the first second after which the compiler threads stay below 5 % of the target's CPU
  steady after      the first second after which req/s stays within 10 % of the last three seconds' median
Usage: bench/jit-warmup.py [TARGET...]   (default: all seven Java targets)
  env: STARTS=3 SECONDS=10 ROUTE=/plaintext CONNECTIONS=16 PORT=18990 JVM_OPTS= (more options for the target's JVM)
Loopback only, each load bounded by SECONDS.
"""
import json, os, subprocess, sys, tempfile, threading, time, urllib.request

from jvmcpu import JAVA, JAVA_TARGETS, ROOT, SUITE_JVM, cpu_ns

TARGETS = sys.argv[1:] or JAVA_TARGETS
STARTS = int(os.environ.get("STARTS", 3))
SECS = int(os.environ.get("SECONDS", 10))
ROUTE = os.environ.get("ROUTE", "/plaintext")
CONNS = os.environ.get("CONNECTIONS", "16")
PORT = int(os.environ.get("PORT", 18990))
JVM_OPTS = os.environ.get("JVM_OPTS", "").split()
LAST = str(os.cpu_count() - 1)


def sample(pid, out, stop):
    while not stop.is_set():
        out.append((time.time(), cpu_ns(pid, True), cpu_ns(pid, False)))
        time.sleep(0.25)


def first_second_after(values, ok):
    """The first index from which ok(value) holds to the end, or None."""
    for i in range(len(values)):
        if all(ok(v) for v in values[i:]):
            return i
    return None


def one_start(target):
    jar = f"{ROOT}/targets/java/{target}/target/fwbench-target-{target}.jar"
    proc = subprocess.Popen(["taskset", "-c", LAST, JAVA, *SUITE_JVM, *JVM_OPTS, "-jar", jar, str(PORT)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{PORT}{ROUTE}"
        for _ in range(400):
            try:
                urllib.request.urlopen(url, timeout=1).read()
                break
            except OSError:
                time.sleep(0.05)
        samples, stop = [], threading.Event()
        sampler = threading.Thread(target=sample, args=(proc.pid, samples, stop))
        sampler.start()
        with tempfile.NamedTemporaryFile(suffix=".json") as out:
            subprocess.run(["taskset", "-c", "0", f"{ROOT}/fwbench", "hammer", "-d", f"{SECS}s", "-c", CONNS,
                            "--json", out.name, url], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
            result = json.load(open(out.name))
        stop.set()
        sampler.join()
    finally:
        proc.kill()
        proc.wait()
    start = result["startedAtMillis"] / 1000
    rps, jit = [], []
    for sec in result["timeline"]:
        rps.append(sec["ok"])
        a, b = start + sec["second"], start + sec["second"] + 1
        inside = [s for s in samples if a <= s[0] <= b]
        if len(inside) >= 2:
            jit_ns, all_ns = inside[-1][1] - inside[0][1], inside[-1][2] - inside[0][2]
            jit.append(jit_ns / all_ns if all_ns else 0.0)
        else:
            jit.append(float("nan"))
    tail = sorted(rps[-3:])[len(rps[-3:]) // 2]
    steady = first_second_after(rps, lambda v: abs(v - tail) <= 0.1 * tail)
    quiet = first_second_after(jit, lambda v: v == v and v < 0.05)
    return rps, jit, steady, quiet


def main():
    print(f"route {ROUTE}, {SECS} s of load per start, {CONNS} connections; per second: req/s (JIT share of the target's CPU)")
    for target in TARGETS:
        for n in range(1, STARTS + 1):
            rps, jit, steady, quiet = one_start(target)
            cells = " ".join(f"{r}({j:.0%})" if j == j else f"{r}(?)" for r, j in zip(rps, jit))
            print(f"{target:15} start {n}: {cells}")
            print(f"{'':15}          jit quiet after {quiet if quiet is not None else '-'} s, "
                  f"steady after {steady if steady is not None else '-'} s")


if __name__ == "__main__":
    main()
