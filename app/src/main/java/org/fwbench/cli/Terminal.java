package org.fwbench.cli;

/**
 * Whether progress goes to a person at a terminal (a live status line) or to a log (plain lines).
 * The launcher tells, since Java 21 cannot ask whether stderr is a terminal.
 */
final class Terminal {

    private Terminal() {
    }

    static boolean isInteractive() {
        return "1".equals(System.getenv("FWBENCH_TTY"));
    }
}
