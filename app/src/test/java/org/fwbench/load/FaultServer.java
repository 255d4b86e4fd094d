package org.fwbench.load;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP/1.1 server on 127.0.0.1 that misbehaves on request, written on raw sockets so that every byte
 * and every close is under control. The path picks the behaviour:
 * <ul>
 * <li>{@code /ok} 12 bytes; {@code /delay?ms=N}; {@code /status?code=N}; {@code /big?bytes=N} (Content-Length)
 * and {@code /big-chunked?bytes=N}; {@code /chunked} (with trailers); {@code /continue} (100 Continue first);
 * {@code /empty?code=204}; {@code /http10} (close-delimited body); {@code /connection-close};
 * {@code /close-later} (says {@code Connection: close}, then waits for the client to close);
 * {@code /close-after?n=N} (closes the socket silently after N responses on a connection);
 * {@code /echo} (the request body back);</li>
 * <li>faults: {@code /stall} (never answers), {@code /reset-mid-body}, {@code /garbage-status},
 * {@code /short-length} (fewer bytes than Content-Length, then close), {@code /long-length} (more),
 * {@code /broken-chunk}, {@code /close-without-response};</li>
 * <li>{@code /pause-every-second?ms=N}: the first N ms of every wall-clock second, responses wait (a GC-like
 * stall of the whole server).</li>
 * </ul>
 */
final class FaultServer implements AutoCloseable {

    static final byte[] HELLO = "hello world\n".getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket server;
    private final Thread acceptor;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger peakOpen = new AtomicInteger();
    /** Released when the server closes: what stalled requests wait for. */
    private final CountDownLatch closed = new CountDownLatch(1);

    FaultServer() throws IOException {
        this(1024);
    }

    /**
     * A server whose accept queue holds {@code backlog} connections: the kernel drops the SYNs of more connections
     * made at once, and their clients send them again a second later.
     */
    FaultServer(int backlog) throws IOException {
        server = new ServerSocket(0, backlog, InetAddress.getLoopbackAddress());
        acceptor = Thread.ofVirtual().start(this::accept);
    }

    URI url(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + pathAndQuery);
    }

    int accepted() {
        return accepted.get();
    }

    /** The most connections open at once so far, as the server saw them when it accepted one. */
    int peakOpen() {
        return peakOpen.get();
    }

    /** Connections open now, as the server sees them (closed by the client or by the server drop out). */
    int open() {
        sockets.removeIf(Socket::isClosed);
        return sockets.size();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                accepted.incrementAndGet();
                sockets.add(s);
                peakOpen.accumulateAndGet(sockets.size(), Math::max);
                threads.add(Thread.ofVirtual().start(() -> serve(s)));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s; InputStream in = new BufferedInputStream(s.getInputStream()); OutputStream out = new BufferedOutputStream(s.getOutputStream())) {
            s.setTcpNoDelay(true);
            int served = 0;
            while (true) {
                Request r = Request.read(in);
                if (r == null) {
                    return;
                }
                served++;
                boolean more = respond(r, served, s, out);
                out.flush();
                if (!more) {
                    return;
                }
            }
        } catch (IOException | InterruptedException e) {
            // the client went away, or the test is over
        } finally {
            sockets.remove(s);
            threads.remove(Thread.currentThread());
        }
    }

    /** Answers one request; false when the connection is to end. */
    private boolean respond(Request r, int served, Socket s, OutputStream out) throws IOException, InterruptedException {
        switch (r.path) {
            case "/ok" -> ok(out, r, HELLO);
            case "/delay" -> {
                Thread.sleep(r.param("ms", 100));
                ok(out, r, HELLO);
            }
            case "/status" -> write(out, "HTTP/1.1 " + r.param("code", 500) + " Whatever\r\nContent-Length: 12\r\n\r\n", HELLO);
            case "/big" -> {
                int n = r.param("bytes", 1 << 20);
                write(out, "HTTP/1.1 200 OK\r\nContent-Length: " + n + "\r\n\r\n", new byte[0]);
                writeX(out, n);
            }
            case "/big-chunked" -> {
                int n = r.param("bytes", 1 << 20);
                write(out, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n", new byte[0]);
                for (int left = n; left > 0; left -= 65536) {
                    int c = Math.min(65536, left);
                    out.write((Integer.toHexString(c) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    writeX(out, c);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            case "/chunked" -> write(out, "HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n"
                    + "6;name=value\r\nhello \r\n6\r\nworld\n\r\n0\r\nX-Checksum: 42\r\nX-Other: yes\r\n\r\n", new byte[0]);
            case "/continue" -> {
                write(out, "HTTP/1.1 100 Continue\r\n\r\n", new byte[0]);
                out.flush();
                ok(out, r, HELLO);
            }
            case "/empty" -> write(out, "HTTP/1.1 " + r.param("code", 204) + " Empty\r\n"
                    + (r.param("code", 204) == 304 ? "Content-Length: 12\r\n" : "") + "\r\n", new byte[0]);
            case "/http10" -> {
                write(out, "HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\n", HELLO);
                return false;
            }
            case "/connection-close" -> {
                write(out, "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 12\r\n\r\n", HELLO);
                return false;
            }
            case "/close-later" -> {
                write(out, "HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 12\r\n\r\n", HELLO);
                out.flush();
                while (s.getInputStream().read() >= 0) {
                    // nothing more is asked on this connection: wait for the client's close
                }
                return false;
            }
            case "/close-after" -> {
                ok(out, r, HELLO);
                return served < r.param("n", 3);
            }
            case "/echo" -> ok(out, r, r.body);
            case "/stall" -> closed.await();
            case "/reset-mid-body" -> {
                write(out, "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n", HELLO);
                out.flush();
                Thread.sleep(20);
                s.setSoLinger(true, 0); // closing now sends RST
                return false;
            }
            case "/garbage-status" -> write(out, "HTPP/1.1 2OO OK\r\nContent-Length: 12\r\n\r\n", HELLO);
            case "/short-length" -> {
                write(out, "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n", HELLO);
                return false;
            }
            case "/long-length" -> write(out, "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n", HELLO);
            case "/broken-chunk" -> write(out, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n", new byte[0]);
            case "/close-without-response" -> {
                return false;
            }
            case "/pause-every-second" -> {
                long now = System.currentTimeMillis();
                long pause = r.param("ms", 200);
                if (now % 1000 < pause) {
                    Thread.sleep(pause - now % 1000);
                }
                ok(out, r, HELLO);
            }
            default -> write(out, "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n", new byte[0]);
        }
        return true;
    }

    private static void ok(OutputStream out, Request r, byte[] body) throws IOException {
        String head = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: " + body.length + "\r\n\r\n";
        write(out, head, r.method.equals("HEAD") ? new byte[0] : body);
    }

    private static void write(OutputStream out, String head, byte[] body) throws IOException {
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        out.write(body);
    }

    private static void writeX(OutputStream out, int n) throws IOException {
        byte[] block = new byte[Math.min(n, 65536)];
        java.util.Arrays.fill(block, (byte) 'x');
        for (int left = n; left > 0; left -= block.length) {
            out.write(block, 0, Math.min(block.length, left));
        }
    }

    @Override
    public void close() throws IOException {
        closed.countDown();
        server.close();
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (SocketException e) {
                // already gone
            }
        }
        acceptor.interrupt();
        threads.forEach(Thread::interrupt);
    }

    /** The little of a request this server reads: method, path, query, body. */
    private record Request(String method, String path, String query, byte[] body) {

        static Request read(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            int matched = 0;
            while (matched < 4) {
                int b = in.read();
                if (b < 0) {
                    return null;
                }
                head.write(b);
                matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : b == '\r' ? 1 : 0;
            }
            String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
            String[] first = lines[0].split(" ");
            int length = 0;
            for (String line : lines) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Integer.parseInt(line.substring(15).trim());
                }
            }
            byte[] body = in.readNBytes(length);
            URI target = URI.create(first[1]);
            return new Request(first[0], target.getPath(), target.getQuery(), body);
        }

        int param(String name, int otherwise) {
            if (query != null) {
                for (String p : query.split("&")) {
                    if (p.startsWith(name + "=")) {
                        return Integer.parseInt(p.substring(name.length() + 1));
                    }
                }
            }
            return otherwise;
        }
    }
}
