package org.fwbench.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.util.internal.logging.InternalLoggerFactory;
import io.netty.util.internal.logging.JdkLoggerFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** The HTTP/2 warm-up's server, spoken to over raw h2c: what it opens a connection with, and how it takes a reset. */
class LoopbackH2ServerTest {

    /** The client preface, empty SETTINGS, and GET / on stream 1 (static table: :method GET, :scheme http, :path /). */
    private static final byte[] GET = concat("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
            new byte[] {0, 0, 0, 4, 0, 0, 0, 0, 0},
            new byte[] {0, 0, 3, 1, 5, 0, 0, 0, 1, (byte) 0x82, (byte) 0x86, (byte) 0x84});
    private static final int SETTINGS = 4;
    private static final int WINDOW_UPDATE = 8;

    @Test
    void opensEachConnectionAsNginxDoes() throws Exception {
        try (LoopbackH2Server server = new LoopbackH2Server(false); Socket s = connect(server)) {
            s.getOutputStream().write(GET);
            List<int[]> frames = readResponse(s); // type, flags, stream, length
            assertThat(frames.getFirst()[0]).as("first frame").isEqualTo(SETTINGS);
            assertThat(frames.getFirst()[3]).as("SETTINGS with three values (6 bytes each)").isEqualTo(18);
            assertThat(frames).as("a connection window update").anyMatch(f -> f[0] == WINDOW_UPDATE && f[2] == 0);
        }
    }

    @Test
    void takesAResetConnectionQuietly() throws Exception {
        // Netty logs through java.util.logging here (slf4j-nop is no logger to it): what reaches the console
        assertThat(InternalLoggerFactory.getDefaultFactory()).isInstanceOf(JdkLoggerFactory.class);
        List<LogRecord> warnings = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                if (r.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(r);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger netty = Logger.getLogger("io.netty");
        netty.addHandler(capture);
        try (LoopbackH2Server server = new LoopbackH2Server(false)) {
            try (Socket reset = connect(server)) { // as the engine ends a warm-up pass: a reset, not a close
                reset.getOutputStream().write(GET);
                readResponse(reset);
                reset.setSoLinger(true, 0);
            }
            try (Socket next = connect(server)) { // answered on the same event loop, after the reset was handled
                next.getOutputStream().write(GET);
                readResponse(next);
            }
        } finally {
            netty.removeHandler(capture);
        }
        assertThat(warnings).extracting(LogRecord::getMessage).isEmpty();
    }

    @Test
    void closingAServerLeavesItsEventLoopRunning() throws Exception {
        List<Thread> first = answeringThreads();
        List<Thread> second = answeringThreads();
        // shutting an event loop down deoptimised Netty code the engine's own loops run (see LoopbackH2Server.GROUP)
        assertThat(first).hasSize(1).allMatch(Thread::isAlive).allMatch(Thread::isDaemon);
        assertThat(second).as("the next server's thread").isEqualTo(first);
    }

    /** The threads that answered a request of a server now closed, found by the name of the servers' loop. */
    private static List<Thread> answeringThreads() throws IOException {
        try (LoopbackH2Server server = new LoopbackH2Server(false); Socket s = connect(server)) {
            s.getOutputStream().write(GET);
            readResponse(s);
        }
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("fwbench-warmup-h2")).toList();
    }

    private static Socket connect(LoopbackH2Server server) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress(server.url().getHost(), server.url().getPort()));
        return s;
    }

    /** Reads frames until one ends stream 1; returns each frame's type, flags, stream id and length. */
    private static List<int[]> readResponse(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        List<int[]> frames = new ArrayList<>();
        while (true) {
            byte[] head = in.readNBytes(9);
            assertThat(head).as("a frame header before the response ended").hasSize(9);
            int length = (head[0] & 0xff) << 16 | (head[1] & 0xff) << 8 | head[2] & 0xff;
            int type = head[3];
            int flags = head[4];
            int stream = (head[5] & 0x7f) << 24 | (head[6] & 0xff) << 16 | (head[7] & 0xff) << 8 | head[8] & 0xff;
            frames.add(new int[] {type, flags, stream, length});
            in.skipNBytes(length);
            boolean endsStream = (type == 0 || type == 1) && (flags & 1) != 0; // DATA or HEADERS with END_STREAM
            if (endsStream && stream == 1) {
                return frames;
            }
        }
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
