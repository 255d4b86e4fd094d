package org.fwbench.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.util.internal.logging.InternalLoggerFactory;
import io.netty.util.internal.logging.JdkLoggerFactory;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** The engine's self-warm-up: it runs both hot paths against its own loopback server, within its budget, and leaves the target alone. */
class WarmupTest {

    @Test
    void bothPathsRunAgainstTheLoopbackServerWithinTheBudget() {
        try (LoadEngine engine = new LoadEngine()) {
            Warmup.Report r = engine.warmUp(Warmup.RUN);
            assertThat(r.newConnections().ok()).as("new-connection requests").isPositive()
                    .isLessThanOrEqualTo(Warmup.RUN.maxNewConnections());
            assertThat(r.keepAlive().ok()).as("keep-alive requests").isPositive()
                    .isLessThanOrEqualTo(Warmup.RUN.maxKeepAlive());
            assertThat(r.newConnections().failed() + r.keepAlive().failed()).isZero();
            // each phase ends at its time budget or its count, whichever comes first
            assertThat(r.newConnections().durationSeconds()).isLessThanOrEqualTo(Warmup.RUN.newConnections().toMillis() / 1e3);
            assertThat(r.keepAlive().durationSeconds()).isLessThanOrEqualTo(Warmup.RUN.keepAlive().toMillis() / 1e3);
            assertThat(r.served()).as("responses the loopback server wrote").isGreaterThanOrEqualTo(r.requests());
        }
    }

    @Test
    void theHttp2PhaseRunsInPassesUntilTwoAgreeOrItsBudgetIsSpent() {
        Warmup.Budget budget = new Warmup.Budget(Duration.ZERO, 0, Duration.ZERO, 0, Duration.ofSeconds(2), Duration.ofSeconds(1));
        try (LoadEngine engine = new LoadEngine()) {
            Warmup.H2Report r = engine.warmUpH2(false, budget);
            assertThat(r.last().ok()).as("HTTP/2 requests of the last pass").isPositive();
            assertThat(r.last().failed()).isZero();
            assertThat(r.last().durationSeconds()).isLessThanOrEqualTo(Warmup.H2_PASS_MILLIS / 1e3);
            // steady means a pass agreed with the one before it
            assertThat(r.passes()).isGreaterThanOrEqualTo(r.steady() ? 2 : 1);
        }
    }

    @Test
    void theHttp2ServerTakesAResetConnectionQuietly() throws Exception {
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
            InetSocketAddress at = new InetSocketAddress(server.url().getHost(), server.url().getPort());
            try (Socket reset = new Socket()) { // as the engine ends a warm-up pass: a reset, not a close
                reset.connect(at);
                reset.getOutputStream().write(H2C_GET);
                readResponse(reset);
                reset.setSoLinger(true, 0);
            }
            try (Socket next = new Socket()) { // answered on the same event loop, after the reset was handled
                next.connect(at);
                next.getOutputStream().write(H2C_GET);
                readResponse(next);
            }
        } finally {
            netty.removeHandler(capture);
        }
        assertThat(warnings).extracting(LogRecord::getMessage).isEmpty();
    }

    /** The client preface, empty SETTINGS, and GET / on stream 1 (HPACK static table: :method GET, :scheme http, :path /). */
    private static final byte[] H2C_GET = concat("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII),
            new byte[] {0, 0, 0, 4, 0, 0, 0, 0, 0}, new byte[] {0, 0, 3, 1, 5, 0, 0, 0, 1, (byte) 0x82, (byte) 0x86, (byte) 0x84});

    /** Reads frames until one on stream 1 ends it. */
    private static void readResponse(Socket s) throws IOException {
        DataInputStream in = new DataInputStream(s.getInputStream());
        while (true) {
            byte[] head = in.readNBytes(9);
            assertThat(head).hasSize(9);
            int length = (head[0] & 0xff) << 16 | (head[1] & 0xff) << 8 | head[2] & 0xff;
            in.skipNBytes(length);
            boolean endStream = (head[4] & 1) != 0 && (head[3] == 0 || head[3] == 1);
            if (endStream && (head[8] & 0xff) == 1) {
                return;
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

    @Test
    void theTargetSeesOnlyTheMeasuredRequests() throws Exception {
        try (FaultServer target = new FaultServer(); LoadEngine engine = new LoadEngine()) {
            LoadResult r = engine.run(Specs.of(target.url("/ok")).connections(2).requests(25).noKeepAlive().build(), p -> { });
            assertThat(r.ok()).isEqualTo(25);
            assertThat(target.accepted()).isEqualTo(25);
        }
    }
}
