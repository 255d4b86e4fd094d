package org.fwbench.targets;

import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The {@code main} of every target: {@code PORT} serves until SIGTERM, {@code --version} prints and exits. */
public final class TargetMain {

    private TargetMain() {
    }

    public static void run(String[] args, TargetApp app) {
        if (args.length == 1 && args[0].equals("--version")) {
            System.out.println(app.versionLine());
            System.exit(0);
        }
        int port = 0;
        try {
            port = Port.fromArgs(args);
        } catch (IllegalArgumentException e) {
            fail(2, app, e.getMessage());
        }
        // Frameworks on java.util.logging (Helidon, Undertow's XNIO) would otherwise log at INFO.
        Logger.getLogger("").setLevel(Level.WARNING);
        AutoCloseable server = null;
        try {
            server = app.starter().start(port);
        } catch (Exception e) {
            fail(1, app, "cannot serve on 127.0.0.1:" + port + ": " + e);
        }
        // The hook goes in before the line that tells the world we are up: a SIGTERM right after it must close.
        CountDownLatch stopped = stopOnShutdown(server);
        System.out.println(app.versionLine() + " listening on 127.0.0.1:" + port);
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Closes the server on SIGTERM or Ctrl-C; the latch keeps main alive whatever the framework's threads are. */
    private static CountDownLatch stopOnShutdown(AutoCloseable server) {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                System.err.println("error while stopping: " + e);
            } finally {
                stopped.countDown();
            }
        }, "fwbench-target-stop"));
        return stopped;
    }

    private static void fail(int status, TargetApp app, String message) {
        System.err.println(app.framework() + " target: " + message);
        System.exit(status);
    }
}
