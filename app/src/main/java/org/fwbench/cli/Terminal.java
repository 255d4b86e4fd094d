package org.fwbench.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether a person watches: progress lines that rewrite themselves only make sense on a terminal. */
final class Terminal {

    private Terminal() {
    }

    /**
     * True when the standard streams are a terminal. Since JDK 22 {@link System#console()} is not null when
     * they are redirected, and {@code Console.isTerminal()} (JDK 22+) tells; on JDK 21 a console means a terminal.
     */
    static boolean isInteractive() {
        Console console = System.console();
        if (console == null || !stderrIsTerminal()) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    /**
     * The live lines go to stderr, which the console check does not look at (it asks about stdin and
     * stdout): {@code 2>log} must keep them out of the log. Linux names a terminal /dev/pts/N or /dev/ttyN.
     */
    private static boolean stderrIsTerminal() {
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }
}
