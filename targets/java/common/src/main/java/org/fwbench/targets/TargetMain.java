package org.fwbench.targets;

import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The {@code main} of every target: {@code PORT [--h2c | --tls]} serves until SIGTERM, {@code --version} prints
 * and exits. A transport the target does not serve is refused like a bad port.
 */
public final class TargetMain {

    private TargetMain() {
    }

    public static void run(String[] args, TargetApp app) {
        if (args.length == 1 && args[0].equals("--version")) {
            System.out.println(app.versionLine());
            System.exit(0);
        }
        Listen listen = null;
        try {
            listen = Listen.fromArgs(args);
        } catch (IllegalArgumentException e) {
            fail(2, app, e.getMessage());
        }
        if (!app.transports().contains(listen.transport())) {
            fail(2, app, listen.transport().flag().orElseThrow() + " is not supported: this target serves "
                    + Transport.HTTP1.description() + " only");
        }
        int port = listen.port();
        // Frameworks on java.util.logging (Helidon, Undertow's XNIO) would otherwise log at INFO.
        Logger.getLogger("").setLevel(Level.WARNING);
        AutoCloseable server = null;
        try {
            server = app.starter().start(listen);
        } catch (Exception e) {
            fail(1, app, "cannot serve on 127.0.0.1:" + port + ": " + e);
        }
        // The hook goes in before the line that tells the world we are up: a SIGTERM right after it must close.
        CountDownLatch stopped = stopOnShutdown(server);
        System.out.println(app.versionLine() + " listening on 127.0.0.1:" + port
                + (listen.transport() == Transport.HTTP1 ? "" : " (" + listen.transport().description() + ")"));
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
