package org.fwbench.load;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether the JVM's JIT compiler threads have work, read from Linux's per-thread status files. */
final class CompilerThreads {

    private static final Path TASKS = Path.of("/proc/self/task");

    private CompilerThreads() {
    }

    /** True while a compiler thread is runnable; false when all sleep, or where there is no {@code /proc}. */
    static boolean busy() {
        if (!Files.isDirectory(TASKS)) {
            return false;
        }
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path t : tasks) {
                if (runnableCompiler(t.resolve("stat"))) {
                    return true;
                }
            }
        } catch (IOException e) {
            return false; // no status to read: nothing to wait for
        }
        return false;
    }

    /** {@code stat} is "pid (name) state ...": a compiler thread is named "C1 CompilerThre..." or "C2 ...". */
    private static boolean runnableCompiler(Path stat) {
        String s;
        try {
            s = Files.readString(stat);
        } catch (IOException e) {
            return false; // the thread ended meanwhile
        }
        int open = s.indexOf('(');
        int close = s.lastIndexOf(')');
        if (open < 0 || close < 0 || close + 2 >= s.length()) {
            return false;
        }
        String name = s.substring(open + 1, close);
        return name.contains("CompilerThre") && s.charAt(close + 2) == 'R';
    }
}
