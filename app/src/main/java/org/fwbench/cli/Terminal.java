package org.fwbench.cli;

import java.io.Console;

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
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
