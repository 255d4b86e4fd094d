#!/usr/bin/env python3
"""What the JIT did at the start of a measured run: reads a `-XX:+LogCompilation` file of one `fwbench hammer`
process and its `--json` result, and prints, for the first 2 s of the measured window, how long C2 (its first
compiler thread, the only one on a small machine) had a compilation in progress (wall time: on a CPU shared with
the engine, an upper bound of what it took from it), how many compiled methods were thrown away there ("uncommon
traps": a branch or type C2 had never seen), and the first second's requests over the median of the later seconds.
Usage: bench/compile-log.py LOG.xml RESULT.json LABEL   (prints one line; VERBOSE=1 also lists the traps and C2's
  compilations there)
"""
import json, os, re, sys

log, result, label = sys.argv[1:4]
x = open(log).read()
r = json.load(open(result))
t0 = int(re.search(r"<hotspot_log [^>]*time_ms='(\d+)'", x).group(1))
start = (r["startedAtMillis"] - t0) / 1000  # the log's stamps are seconds since the JVM started
window = (start, start + 2)

c2 = re.search(r"<start_compile_thread name='C2 CompilerThread0' thread='(\d+)'", x).group(1)
busy = 0.0
compiled = []
for section in re.finditer(r"<compilation_log thread='%s'>(.*?)</compilation_log>" % c2, x, re.S):
    for task in re.finditer(r"<task (.*?)>.*?<task_done [^>]*stamp='([\d.]+)'", section.group(1), re.S):
        begin = float(re.search(r"stamp='([\d.]+)'", task.group(1)).group(1))
        end = float(task.group(2))
        busy += max(0.0, min(end, window[1]) - max(begin, window[0]))
        if end > window[0] and begin < window[1]:
            method = re.search(r"method='([^']*)'", task.group(1)).group(1)
            compiled.append("%+.3f s for %.3f s: %s" % (begin - start, end - begin, method))

traps = []
for t in re.finditer(r"<uncommon_trap thread='\d+' reason='([^']*)'[^>]*compile_id='(\d+)' compiler='c2'[^>]*stamp='([\d.]+)'", x):
    if window[0] - 0.05 < float(t.group(3)) < window[1]:
        method = re.search(r"<task compile_id='%s'[^>]*method='([^']*)'" % t.group(2), x)
        traps.append("%+.3f s %s %s" % (float(t.group(3)) - start, t.group(1), method.group(1) if method else "?"))

seconds = [s["requests"] for s in r["timeline"]]
later = sorted(seconds[1:])
first = seconds[0] / later[len(later) // 2] if later else float("nan")
print("  %-34s %8.0f req/s   first second %.2f of the later ones   C2 busy %.2f s of the first 2 s   %2d traps there"
      % (label, r["requestsPerSecond"], first, busy, len(traps)))
if os.environ.get("VERBOSE"):
    for t in traps:
        print("      trap " + t)
    for c in compiled:
        print("      C2 " + c)
