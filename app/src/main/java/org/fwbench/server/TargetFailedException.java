package org.fwbench.server;

/**
 * A target that could not start or never became ready. The message is one line meant for the user;
 * the target's last log lines travel separately so the caller decides how much of them to show.
 */
public final class TargetFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String lastLogLines;

    public TargetFailedException(String message, String lastLogLines) {
        super(message);
        this.lastLogLines = lastLogLines;
    }

    /** The end of the target's log when it failed; empty when it never started. */
    public String lastLogLines() {
        return lastLogLines;
    }
}
