package org.fwbench.memory;

/** The process whose tree was to be read no longer runs. */
public final class ProcessGoneException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ProcessGoneException(long pid) {
        super("process " + pid + " is not running");
    }
}
