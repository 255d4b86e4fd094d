package org.fwbench.load;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The JVM's JIT compiler threads, read from Linux's per-thread status files: whether they have work, and, once
 * the engine is warm, their priority lowered below the engine's own.
 */
final class CompilerThreads {

    private static final Path TASKS = Path.of("/proc/self/task");
    /** The lowest priority: a runnable event loop gets about 98 % of a CPU it shares with a compiler thread. */
    static final int NICE = 19;
    private static final AtomicBoolean YIELDED = new AtomicBoolean();

    private CompilerThreads() {
    }

    /** One thread of this process, from its {@code stat}: "tid (name) state ...". */
    record Task(String tid, String name, char state, int nice) {
        boolean compiler() {
            return name.contains("CompilerThre"); // "C1 CompilerThre...", "C2 CompilerThre..."
        }
    }

    /** True while a compiler thread is runnable; false when all sleep, or where there is no {@code /proc}. */
    static boolean busy() {
        return tasks().stream().anyMatch(t -> t.compiler() && t.state() == 'R');
    }

    /**
     * Once per process, after the engine's warm-up, for a run bounded by a count: the compiler threads go to
     * nice {@value #NICE}, so that a compilation still due competes for the CPU the engine shares with it only
     * when the engine waits. At equal priority the scheduler gave a runnable compiler thread slices of several
     * milliseconds: in 1,000-request runs against nginx (fresh processes, 4 connections, engine on one CPU) C2
     * still compiled the request path (Slot.ended, User.received, EpollConnection.read) inside the 70-150 ms
     * measured window, and the p99 was 4-7 ms against a p50 of 0.2 ms. Only for counted runs (ab's {@code -n},
     * the seeds' modes): a saturated run of seconds on a path the warm-up covers less (HTTPS over HTTP/1.1)
     * needs the compilers to finish, and with them at nice 19 cost 15.7-21.5 us per request instead of
     * 12.3-16.2. A thread cannot be raised back without privileges, so this is done once. Where {@code renice}
     * (util-linux) is missing nothing changes.
     */
    static void yieldToLoad() {
        if (!YIELDED.compareAndSet(false, true)) {
            return;
        }
        List<String> argv = new ArrayList<>(List.of("renice", "-n", Integer.toString(NICE), "-p"));
        tasks().stream().filter(Task::compiler).forEach(t -> argv.add(t.tid()));
        if (argv.size() == 4) {
            return; // no /proc, or no compiler threads
        }
        try {
            Process p = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!p.waitFor(2, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        } catch (IOException e) {
            // no renice here: the compilers keep their priority
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Every thread of this process; empty where there is no {@code /proc}. */
    static List<Task> tasks() {
        List<Task> tasks = new ArrayList<>();
        if (!Files.isDirectory(TASKS)) {
            return tasks;
        }
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(TASKS)) {
            for (Path t : dir) {
                String stat;
                try {
                    stat = Files.readString(t.resolve("stat"));
                } catch (IOException e) {
                    continue; // the thread ended meanwhile
                }
                parse(t.getFileName().toString(), stat).ifPresent(tasks::add);
            }
        } catch (IOException e) {
            return tasks; // nothing to read
        }
        return tasks;
    }

    /** {@code stat}'s name is in parentheses (it may hold spaces); the state follows, nice is the 19th field. */
    private static Optional<Task> parse(String tid, String stat) {
        int open = stat.indexOf('(');
        int close = stat.lastIndexOf(')');
        if (open < 0 || close < 0 || close + 2 >= stat.length()) {
            return Optional.empty();
        }
        String[] rest = stat.substring(close + 2).split(" ");
        // rest[0] is field 3 (state), so field 19 (nice) is rest[16]
        int nice = rest.length > 16 ? Integer.parseInt(rest[16]) : 0;
        return Optional.of(new Task(tid, stat.substring(open + 1, close), rest[0].charAt(0), nice));
    }
}
