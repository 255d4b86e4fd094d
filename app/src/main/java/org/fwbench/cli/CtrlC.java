package org.fwbench.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C (or SIGTERM) as "stop now and report": while open, the JVM's shutdown interrupts the thread that
 * opened it and waits up to 5 s for it to {@link #close} (its summary printed, its files written), as wrk
 * does. Without it the JVM would exit mid-write.
 */
final class CtrlC implements AutoCloseable {

    private final CountDownLatch done = new CountDownLatch(1);
    private final Thread hook;

    private CtrlC(Thread caller) {
        hook = new Thread(() -> {
            caller.interrupt();
            try {
                done.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Ctrl-C from now on interrupts the calling thread. */
    static CtrlC interruptsThisThread() {
        return new CtrlC(Thread.currentThread());
    }

    @Override
    public void close() {
        done.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it returns now that the work is done
        }
    }
}
