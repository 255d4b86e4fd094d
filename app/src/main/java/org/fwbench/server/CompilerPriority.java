package org.fwbench.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.fwbench.proc.ProcFs;

/**
 * A target's JIT compiler threads raised above its other threads while it is warmed up, and put back before it
 * is measured. A Java server loaded on its one CPU shares that CPU fairly among its runnable threads: a
 * thread-per-connection server with 16 busy workers left its C2 thread about a seventeenth of it, and Jetty's and
 * Javalin's compilers were still at 20-35 % of their CPU after 15 s of warm-up. Raised to nice
 * {@value #RAISED}, a compiler thread gets most of the CPU while it has work, so the queue of hot methods drains
 * in the warm-up instead of in the measured window. Raising a priority needs privileges (root or CAP_SYS_NICE);
 * without them, or without {@code renice} (util-linux), nothing changes and {@link #raised()} says so.
 */
public final class CompilerPriority implements AutoCloseable {

    /** The highest priority Linux gives: the compilers' weight is about 87 times a nice-0 worker's. */
    static final int RAISED = -20;
    private static final Path PROC = Path.of("/proc");

    private final long pid;
    /** Thread ids raised so far: compiler threads come and go (the JVM adds them as its queue grows). */
    private final Set<String> raised = new LinkedHashSet<>();
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
        List<String> fresh = compilerThreads().stream().filter(tid -> !raised.contains(tid)).toList();
        if (fresh.isEmpty()) {
            return;
        }
        if (renice(RAISED, fresh)) {
            raised.addAll(fresh);
        } else {
            refused = true;
        }
    }

    /** Whether any compiler thread runs raised. */
    public boolean raised() {
        return !raised.isEmpty();
    }

    /**
     * Puts every compiler thread back to nice 0, the priority the target's other threads have: those raised,
     * and those a raised one started meanwhile (a new thread inherits its creator's priority).
     */
    @Override
    public void close() {
        if (!raised.isEmpty()) {
            Set<String> all = new LinkedHashSet<>(raised);
            all.addAll(compilerThreads());
            renice(0, List.copyOf(all));
            raised.clear();
        }
    }

    /** The threads of the target's tree whose name marks them a JIT compiler ("C1 CompilerThre", "C2 ..."). */
    private List<String> compilerThreads() {
        List<Long> pids = new ArrayList<>();
        pids.add(pid);
        pids.addAll(ProcFs.descendants(pid));
        List<String> tids = new ArrayList<>();
        for (long p : pids) {
            try (Stream<Path> tasks = Files.list(PROC.resolve(Long.toString(p)).resolve("task"))) {
                tasks.filter(CompilerPriority::isCompiler).forEach(t -> tids.add(t.getFileName().toString()));
            } catch (IOException e) {
                // the process ended: no threads of it to raise
            }
        }
        return tids;
    }

    private static boolean isCompiler(Path task) {
        try {
            return Files.readString(task.resolve("comm"), StandardCharsets.UTF_8).contains("CompilerThre");
        } catch (IOException e) {
            return false; // the thread ended meanwhile
        }
    }

    /** True when renice set every thread; a thread that ended meanwhile makes it report failure too. */
    private static boolean renice(int nice, List<String> tids) {
        List<String> argv = new ArrayList<>(List.of("renice", "-n", Integer.toString(nice), "-p"));
        argv.addAll(tids);
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
