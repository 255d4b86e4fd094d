package org.fwbench.server;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.fwbench.proc.ProcFs;
import org.fwbench.proc.ProcStat;

/**
 * A target's JIT compiler threads raised above its other threads while it is warmed up, and put back to the
 * priority they had before it is measured. A Java server loaded on its one CPU shares that CPU fairly among its
 * runnable threads: a thread-per-connection server with 16 busy workers left its C2 thread about a seventeenth of
 * it, and Jetty's and Javalin's compilers were still at 20-35 % of their CPU after 15 s of warm-up. Raised to nice
 * {@value #RAISED}, a compiler thread gets most of the CPU while it has work, so the queue of hot methods drains
 * in the warm-up instead of in the measured window. Raising a priority needs privileges (root or CAP_SYS_NICE);
 * without them, or without {@code renice} (util-linux), nothing changes and {@link #raised()} says so.
 */
public final class CompilerPriority implements AutoCloseable {

    /** The highest priority Linux gives: the compilers' weight is about 87 times a nice-0 worker's. */
    static final int RAISED = -20;

    private final long pid;
    /**
     * Thread ids raised so far, with the priority each had: compiler threads come and go (the JVM adds them as
     * its queue grows), and a server that was already running may have chosen its own priorities.
     */
    private final Map<Long, Integer> raised = new LinkedHashMap<>();
    private boolean refused;

    private CompilerPriority(long pid) {
        this.pid = pid;
    }

    /** Raises the compiler threads of the target's tree now; {@link #refresh()} raises those that appear later. */
    public static CompilerPriority raise(long pid) {
        CompilerPriority p = new CompilerPriority(pid);
        p.refresh();
        return p;
    }

    /** Raises compiler threads not raised yet (none once raising was refused). */
    public void refresh() {
        if (refused) {
            return;
        }
        Map<Long, Integer> fresh = new LinkedHashMap<>(compilerThreads());
        fresh.keySet().removeAll(raised.keySet());
        if (fresh.isEmpty()) {
            return;
        }
        if (renice(RAISED, List.copyOf(fresh.keySet()))) {
            raised.putAll(fresh);
            return;
        }
        // Refused, or a thread ended between the listing and renice: keep those that did go up.
        Map<Long, Integer> now = compilerThreads();
        fresh.forEach((tid, nice) -> {
            if (now.getOrDefault(tid, nice) == RAISED) {
                raised.put(tid, nice);
            }
        });
        refused = raised.isEmpty();
    }

    /** Whether any compiler thread runs raised. */
    public boolean raised() {
        return !raised.isEmpty();
    }

    /**
     * Puts every compiler thread back to the priority it had: those raised, and those a raised one started
     * meanwhile (a new thread inherits its creator's priority), which get the priority of the process.
     */
    @Override
    public void close() {
        if (raised.isEmpty()) {
            return;
        }
        // Also after Ctrl-C (the warm-up ends on an interrupt): a server fwbench did not start keeps running.
        boolean interrupted = Thread.interrupted();
        try {
            int leader = ProcFs.stat(pid).map(ProcStat::nice).orElse(0);
            Map<Integer, List<Long>> byPriority = new TreeMap<>();
            compilerThreads().keySet().forEach(tid -> raised.putIfAbsent(tid, leader));
            raised.forEach((tid, nice) -> byPriority.computeIfAbsent(nice, k -> new ArrayList<>()).add(tid));
            byPriority.forEach(CompilerPriority::renice);
            raised.clear();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The target tree's compiler threads, each with its priority now. */
    private Map<Long, Integer> compilerThreads() {
        Map<Long, Integer> nices = new LinkedHashMap<>();
        ProcFs.compilerThreads(pid).forEach((tid, stat) -> nices.put(tid, stat.nice()));
        return nices;
    }

    /** True when renice set every thread; a thread that ended meanwhile makes it report failure too. */
    private static boolean renice(Integer nice, List<Long> tids) {
        List<String> argv = new ArrayList<>(List.of("renice", "-n", Integer.toString(nice), "-p"));
        tids.forEach(tid -> argv.add(Long.toString(tid)));
        try {
            Process p = new ProcessBuilder(argv).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(2, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false; // no renice on this machine
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
