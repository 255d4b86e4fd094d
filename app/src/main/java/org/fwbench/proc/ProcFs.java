package org.fwbench.proc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads {@code /proc}. A process can vanish between listing and reading, and another user's files
 * can be unreadable: both come back as an empty Optional, never as an exception.
 */
public final class ProcFs {

    private static final Path ROOT = Path.of("/proc");
    private static final boolean PRESENT = Files.isReadable(ROOT.resolve("self/stat"));
    private static final boolean CHILDREN_LISTS = Files.isReadable(
            ROOT.resolve("self/task").resolve(Long.toString(ProcessHandle.current().pid())).resolve("children"));

    private static final long CLOCK_TICKS = readClockTicks();

    private ProcFs() {
    }

    /** Clock ticks per second, the unit of the CPU times in {@code /proc} ({@code getconf CLK_TCK}; 100 if unknown). */
    public static long clockTicks() {
        return CLOCK_TICKS;
    }

    /** Whether this system has a Linux-style /proc. */
    public static boolean isPresent() {
        return PRESENT;
    }

    /** Every process ID listed now; empty without /proc. */
    public static List<Long> pids() {
        List<Long> pids = new ArrayList<>();
        if (!PRESENT) {
            return pids;
        }
        try (Stream<Path> entries = Files.list(ROOT)) {
            entries.map(p -> p.getFileName().toString())
                    .filter(name -> !name.isEmpty() && name.chars().allMatch(Character::isDigit))
                    .forEach(name -> pids.add(Long.parseLong(name)));
        } catch (IOException e) {
            return List.of();
        }
        return pids;
    }

    /** The raw bytes of {@code /proc/PID/NAME}, if the process still exists and the file is readable. */
    public static Optional<byte[]> readBytes(long pid, String name) {
        try {
            return Optional.of(Files.readAllBytes(ROOT.resolve(Long.toString(pid)).resolve(name)));
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** A system-wide file such as {@code /proc/stat}, as text, if readable. */
    public static Optional<String> readSystem(String name) {
        try {
            return Optional.of(Files.readString(ROOT.resolve(name), StandardCharsets.US_ASCII));
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    /** {@code /proc/PID/NAME} as text. */
    public static Optional<String> read(long pid, String name) {
        return readBytes(pid, name).map(b -> new String(b, StandardCharsets.UTF_8));
    }

    /**
     * The process's descendants, parents before children. The kernel's per-thread
     * {@code children} lists cost one small read per thread of the tree, where the JDK's
     * {@link ProcessHandle#descendants()} reads the stat file of every process on the system:
     * what keeps ten samples a second cheap. Without those lists (a kernel built without
     * CONFIG_PROC_CHILDREN, or no /proc) the JDK answers.
     */
    public static List<Long> descendants(long pid) {
        if (!CHILDREN_LISTS) {
            return ProcessHandle.of(pid).stream().flatMap(ProcessHandle::descendants).map(ProcessHandle::pid).toList();
        }
        List<Long> found = new ArrayList<>();
        List<Long> parents = List.of(pid);
        while (!parents.isEmpty()) {
            List<Long> next = new ArrayList<>();
            for (long parent : parents) {
                next.addAll(children(parent));
            }
            found.addAll(next);
            parents = next;
        }
        return found;
    }

    private static List<Long> children(long pid) {
        List<Long> children = new ArrayList<>();
        try (Stream<Path> tasks = Files.list(ROOT.resolve(Long.toString(pid)).resolve("task"))) {
            tasks.forEach(task -> {
                try {
                    for (String child : Files.readString(task.resolve("children")).trim().split(" ")) {
                        if (!child.isEmpty()) {
                            children.add(Long.parseLong(child));
                        }
                    }
                } catch (IOException e) {
                    // The thread ended while we listed.
                }
            });
        } catch (IOException e) {
            // The process ended: no children to report.
        }
        return children;
    }

    /**
     * The CPU time of the process and its descendants so far: every thread's in nanoseconds, from its
     * {@code schedstat} (time on a CPU, kept by the scheduler in nanoseconds; the {@code stat} file counts in clock
     * ticks of 10 ms, too coarse for a 250 ms interval: one tick more or less is 4 % of a busy core's interval),
     * with its JIT compiler threads named; and each process's {@code stat} times, which keep what its ended threads
     * and reaped children used (see {@link TreeCpu#since}). No thread times when the kernel keeps no schedstat
     * (built without CONFIG_SCHED_INFO); empty when the process is gone.
     */
    public static Optional<TreeCpu> treeCpu(long pid) {
        return cpuOf(tree(pid), true);
    }

    /**
     * The CPU time of one process so far, read as {@link #treeCpu} but without its descendants, living or reaped:
     * fwbench's own, whose children are the targets.
     */
    public static Optional<TreeCpu> processCpu(long pid) {
        return cpuOf(List.of(pid), false);
    }

    private static Optional<TreeCpu> cpuOf(List<Long> pids, boolean reapedChildren) {
        Map<Long, Long> nanos = new LinkedHashMap<>();
        Set<Long> compilers = new HashSet<>();
        long ticks = 0;
        int processes = 0;
        for (long p : pids) {
            Optional<ProcStat> stat = stat(p);
            if (stat.isEmpty()) {
                continue; // ended while we listed
            }
            ticks += stat.get().utimeTicks() + stat.get().stimeTicks()
                    + (reapedChildren ? stat.get().reapedChildrenTicks() : 0);
            processes++;
            for (Path task : tasks(p)) {
                try {
                    long tid = Long.parseLong(task.getFileName().toString());
                    String line = Files.readString(task.resolve("schedstat"), StandardCharsets.US_ASCII);
                    nanos.put(tid, Long.parseLong(line.substring(0, line.indexOf(' '))));
                    if (isCompiler(task)) {
                        compilers.add(tid);
                    }
                } catch (IOException | RuntimeException e) {
                    // The thread ended while we listed, or no schedstat: it adds nothing.
                }
            }
        }
        return processes == 0 ? Optional.empty() : Optional.of(new TreeCpu(nanos, compilers, ticks, processes));
    }

    /**
     * The JIT compiler threads of a process tree, by thread id, each with its {@code stat} (its nice value among
     * the fields); empty when there are none or no /proc.
     */
    public static Map<Long, ProcStat> compilerThreads(long pid) {
        Map<Long, ProcStat> threads = new LinkedHashMap<>();
        for (Path task : treeTasks(pid)) {
            try {
                if (isCompiler(task)) {
                    long tid = Long.parseLong(task.getFileName().toString());
                    threads.put(tid, ProcStat.parse(tid, Files.readString(task.resolve("stat"), StandardCharsets.US_ASCII)));
                }
            } catch (IOException | RuntimeException e) {
                // The thread ended while we listed: nothing of it to report.
            }
        }
        return threads;
    }

    /** A JVM names its compilers "C1 CompilerThread0", "C2 CompilerThread1" (cut to 15 characters in comm). */
    private static boolean isCompiler(Path task) throws IOException {
        return Files.readString(task.resolve("comm"), StandardCharsets.UTF_8).contains("CompilerThre");
    }

    /** The thread directories ({@code /proc/PID/task/TID}) of a process and its descendants. */
    private static List<Path> treeTasks(long pid) {
        List<Path> all = new ArrayList<>();
        tree(pid).forEach(p -> all.addAll(tasks(p)));
        return all;
    }

    /** The process and its descendants. */
    private static List<Long> tree(long pid) {
        List<Long> pids = new ArrayList<>();
        pids.add(pid);
        pids.addAll(descendants(pid));
        return pids;
    }

    /** The thread directories of one process; none once it has ended. */
    private static List<Path> tasks(long pid) {
        try (Stream<Path> tasks = Files.list(ROOT.resolve(Long.toString(pid)).resolve("task"))) {
            return tasks.toList();
        } catch (IOException e) {
            return List.of(); // The process ended: no threads of it.
        }
    }

    /** The parsed {@code /proc/PID/stat}, if the process still exists. */
    public static Optional<ProcStat> stat(long pid) {
        return read(pid, "stat").map(line -> ProcStat.parse(pid, line));
    }

    /** Whether the process exists and is not a zombie; without /proc, asks the JDK. */
    public static boolean isRunning(long pid) {
        if (!PRESENT) {
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        }
        return stat(pid).map(s -> !s.isZombie()).orElse(false);
    }

    private static long readClockTicks() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            return p.waitFor() == 0 ? Long.parseLong(out) : 100;
        } catch (IOException | NumberFormatException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
