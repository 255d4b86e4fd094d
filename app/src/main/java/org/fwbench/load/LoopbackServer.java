package org.fwbench.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The warm-up's server: a few threads on 127.0.0.1 that answer every request with 12 bytes, closing the
 * connection when the request asks for it. It is written on the JDK's blocking sockets, not on Netty, so
 * that the warm-up trains only the engine's client paths: a Netty server in the same process would add its
 * own handler types to the call sites the JIT profiles and could make the measured load's code slower.
 */
final class LoopbackServer implements AutoCloseable {

    /*
     * Shaped like the responses of common servers (nginx's, here), not minimal: the engine's parser takes other
     * branches for each further header, and code the JIT compiled without them is compiled again (after an
     * uncommon trap) inside the measured window. With a one-header response, a warm-up of 6,000 connections
     * still left the parser's header path to be recompiled during the first measured run against nginx.
     */
    private static final String HEAD = "HTTP/1.1 200 OK\r\nServer: fwbench-warmup%s\r\n"
            + "Date: Thu, 01 Jan 2026 00:00:00 GMT\r\nContent-Type: text/plain\r\nContent-Length: 12\r\n"
            + "Connection: %s\r\n\r\nhello world\n";
    /*
     * Eight lengths of each response, one byte apart, in turn: Netty's search for a line's end
     * (ByteBufUtil.firstIndexOf) takes a branch of its own when what is left to search is a multiple of 8 bytes.
     * With one length it never had, and the first nginx response of a measured run threw the parser's compiled
     * code away (an "uncommon trap").
     */
    private static final int LENGTHS = 8;
    private static final byte[][] KEEP_ALIVE = responses("keep-alive");
    private static final byte[][] CLOSE = responses("close");
    private static final byte[] CLOSE_HEADER = "\r\nConnection: close\r\n".getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket server;
    private final List<Thread> threads = new ArrayList<>();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong served = new AtomicLong();

    /** Starts {@code threads} threads, each serving one connection at a time: as many as the client may open at once. */
    LoopbackServer(int threads) {
        try {
            server = new ServerSocket(0, 256, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on the loopback interface for the warm-up", e);
        }
        for (int i = 0; i < threads; i++) {
            this.threads.add(Thread.ofPlatform().daemon().name("fwbench-warmup-server").start(this::accept));
        }
    }

    URI url() {
        return URI.create("http://" + server.getInetAddress().getHostAddress() + ":" + server.getLocalPort() + "/");
    }

    /** Responses written so far. */
    long served() {
        return served.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                open.add(s);
                s.setTcpNoDelay(true);
                serve(s.getInputStream(), s.getOutputStream());
                open.remove(s);
            } catch (IOException e) {
                // the client went away, or the server was closed: take the next connection, or end
            }
        }
    }

    /** Answers each request (a head without body: the engine's warm-up sends GETs) until the client closes. */
    private void serve(InputStream in, OutputStream out) throws IOException {
        byte[] buf = new byte[4096];
        int filled = 0;
        while (true) {
            int n = in.read(buf, filled, buf.length - filled);
            if (n < 0) {
                return;
            }
            filled += n;
            int end;
            while ((end = headEnd(buf, filled)) > 0) {
                boolean close = contains(buf, end, CLOSE_HEADER);
                int length = (int) (served.getAndIncrement() % LENGTHS);
                out.write(close ? CLOSE[length] : KEEP_ALIVE[length]);
                if (close) {
                    return;
                }
                System.arraycopy(buf, end, buf, 0, filled - end);
                filled -= end;
            }
            if (filled == buf.length) {
                return; // not a request this server sends itself
            }
        }
    }

    private static byte[][] responses(String connection) {
        byte[][] r = new byte[LENGTHS][];
        for (int i = 0; i < LENGTHS; i++) {
            r[i] = HEAD.formatted("0123456".substring(0, i), connection).getBytes(StandardCharsets.US_ASCII);
        }
        return r;
    }

    /** The index after the head's blank line, or 0 when the head is not complete yet. */
    private static int headEnd(byte[] b, int length) {
        for (int i = 3; i < length; i++) {
            if (b[i] == '\n' && b[i - 1] == '\r' && b[i - 2] == '\n' && b[i - 3] == '\r') {
                return i + 1;
            }
        }
        return 0;
    }

    private static boolean contains(byte[] b, int length, byte[] what) {
        outer:
        for (int i = 0; i + what.length <= length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (b[i + j] != what[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing a listening socket does not fail in a way that matters here
        }
        for (Socket s : open) {
            try {
                s.close(); // a connection the client has not closed yet: its thread's read ends
            } catch (IOException e) {
                // as above
            }
        }
        for (Thread t : threads) {
            try {
                t.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
