package org.fwbench.run;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A target process for the runner's tests: a small server whose misbehaviour is chosen on its
 * command line ({@code PORT MODE}): ok, wrong-body, exit, never-ready, die-after:N, fail-after:N (status 500 on
 * /plaintext after N answers), one-at-a-time (a single thread serving one HTTP/1.1 keep-alive connection
 * until the client closes it, like Python's http.server with protocol_version "HTTP/1.1"), compiling (ok, with a
 * thread that spins under the name a JVM gives its C2 compiler, as if the JIT never went quiet).
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
        if (mode.equals("one-at-a-time")) {
            serveOneAtATime(port);
            return;
        }
        if (mode.equals("compiling")) {
            // The kernel knows a thread by its first 15 characters, "C2 CompilerThre", which is what fwbench reads.
            Thread spinner = new Thread(() -> {
                long x = 0;
                while (!Thread.currentThread().isInterrupted()) {
                    x += System.nanoTime() & 1;
                }
                System.out.println(x);
            }, "C2 CompilerThread9");
            spinner.setDaemon(true);
            spinner.start();
        }
        long failAfter = mode.startsWith("fail-after:") ? Long.parseLong(mode.substring("fail-after:".length())) : -1;
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
            if (failAfter >= 0 && served.incrementAndGet() > failAfter) {
                ex.sendResponseHeaders(500, -1);
                ex.close();
                return;
            }
            reply(ex, "text/plain", hello);
        });
        server.createContext("/json", ex -> reply(ex, "application/json", "{\"message\":\"Hello, World!\"}"));
        server.start();
    }

    /** One thread: accepts a connection and answers every request on it until the client closes it. */
    private static void serveOneAtATime(int port) throws IOException {
        try (ServerSocket listener = new ServerSocket(port, 128, InetAddress.getLoopbackAddress())) {
            while (true) {
                try (Socket s = listener.accept();
                     BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1))) {
                    OutputStream out = s.getOutputStream();
                    String line;
                    while ((line = in.readLine()) != null) {
                        String path = line.split(" ")[1];
                        while (!(line = in.readLine()).isEmpty()) {
                            // headers: the tests send no body
                        }
                        boolean json = path.startsWith("/json");
                        byte[] body = (json ? "{\"message\":\"Hello, World!\"}" : "Hello, World!").getBytes(StandardCharsets.UTF_8);
                        out.write(("HTTP/1.1 200 OK\r\nContent-Type: " + (json ? "application/json" : "text/plain")
                                + "\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                        out.write(body);
                        out.flush();
                    }
                } catch (IOException | RuntimeException e) {
                    // a client that reset or sent garbage: serve the next one
                }
            }
        }
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
