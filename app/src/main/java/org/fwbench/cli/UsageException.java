package org.fwbench.cli;

/**
 * Bad input found after parsing (an unreachable host, a malformed suite file, an unknown target): its
 * message is printed as one line and fwbench exits with code 2.
 */
public final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
