"""What the bench scripts that watch a Java target share: the JDK fwbench would use, and a JVM's CPU by thread."""
import os
import subprocess

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# The JDK fwbench itself would use (21 or newer), found as ./fwbench finds it.
JAVA = subprocess.run(["bash", "-c", f". '{ROOT}/scripts/java-home.sh' && fwbench_find_jdk >/dev/null && echo $JAVA_HOME"],
                      capture_output=True, text=True, check=True).stdout.strip() + "/bin/java"


def _suite():
    """The Java targets of suites/java.yaml (the names under `targets:`) and the JVM settings it gives every one
    of them (its `jvm:` list), read from the suite so that the scripts start the targets as a run does."""
    targets, jvm, in_targets = [], [], False
    with open(f"{ROOT}/suites/java.yaml") as f:
        for line in f:
            if line.startswith("targets:"):
                in_targets = True
            elif in_targets and line.startswith("  - name: "):
                targets.append(line.split(":", 1)[1].strip())
            elif line.strip().startswith("jvm: ["):
                jvm = [w.strip() for w in line.split("[", 1)[1].rsplit("]", 1)[0].split(",")]
    return targets, jvm


JAVA_TARGETS, SUITE_JVM = _suite()


def cpu_ns(pid, jit_only):
    """The nanoseconds on a CPU so far of the process's threads (/proc/PID/task/*/schedstat), or of its JIT
    compiler threads (C1/C2 CompilerThread) alone."""
    total = 0
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return 0
    for t in tasks:
        try:
            if jit_only:
                with open(f"/proc/{pid}/task/{t}/comm") as f:
                    if not f.read().startswith(("C1 Compiler", "C2 Compiler")):
                        continue
            with open(f"/proc/{pid}/task/{t}/schedstat") as f:
                total += int(f.read().split()[0])
        except OSError:
            pass
    return total
