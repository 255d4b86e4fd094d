package org.fwbench.run;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A target process for the runner's tests: a small server whose misbehaviour is chosen on its
 * command line ({@code PORT MODE}): ok, wrong-body, exit, never-ready, die-after:N.
 */
public final class TestTarget {

    private TestTarget() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        String mode = args.length > 1 ? args[1] : "ok";
        System.out.println("test target starting in mode " + mode);
        if (mode.equals("exit")) {
            System.out.println("boom: this target exits at once");
            System.exit(3);
        }
        if (mode.equals("never-ready")) {
            Thread.sleep(Long.MAX_VALUE);
        }
        long dieAfter = mode.startsWith("die-after:") ? Long.parseLong(mode.substring("die-after:".length())) : -1;
        AtomicLong served = new AtomicLong();
        String hello = mode.equals("wrong-body") ? "Goodbye, World!" : "Hello, World!";
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/plaintext", ex -> {
            if (dieAfter >= 0 && served.incrementAndGet() > dieAfter) {
                System.out.println("dying after " + dieAfter + " requests");
                Runtime.getRuntime().halt(7);
            }
            reply(ex, "text/plain", hello);
        });
        server.createContext("/json", ex -> reply(ex, "application/json", "{\"message\":\"Hello, World!\"}"));
        server.start();
    }

    private static void reply(HttpExchange ex, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }
}
