package org.fwbench.server;

/**
 * A server under measurement, whether fwbench started it ({@link TargetProcess}) or found it running
 * ({@link AttachedServer}): the process tree to read memory from, whether it still runs, and how to
 * let it go.
 */
public interface RunningServer {

    /** The root of the process tree whose memory and CPU are measured. */
    long pid();

    boolean isAlive();

    /** The last {@code n} lines of its log; empty when fwbench keeps none. */
    String lastLogLines(int n);

    /** Ends fwbench's use of it: a started tree is stopped, a found one is left running. */
    void stop();
}
