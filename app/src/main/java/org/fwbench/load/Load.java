package org.fwbench.load;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.handler.codec.http2.Http2Headers;
import java.net.ConnectException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.fwbench.load.LoadSpec.Expectation;

/**
 * One load run as the event loops see it: the encoded request, the clock marks of its phases, the stop
 * flag and, for fixed-count runs, the tickets. Everything here is immutable or thread-safe.
 */
final class Load {

    static final long NANOS_PER_SECOND = 1_000_000_000L;

    final LoadSpec spec;
    final InetSocketAddress address;
    /** https: the TLS context of the run's connections; null for cleartext. */
    final Tls tls;
    /** What the connections speak: HTTP/1.1, or h2 / h2c. */
    final Protocol protocol;
    final boolean h2;
    /** HTTP/2: streams in flight at once per connection. */
    final int streams;
    /** HTTP/2: the request's headers (each connection encodes them: H2RequestBlock) and its body, read-only. */
    final Http2Headers h2Headers;
    final ByteBuf h2Body;
    final byte[] body;
    /** Encoded once; each event loop keeps a buffer of it and sends retained duplicates. */
    final byte[] request;
    final boolean keepAlive;
    final boolean head;
    final boolean open;
    final long timeoutNanos;
    final long thinkNanos;
    /** Closed model: users added per second while ramping up; 0 for all at once. */
    final double spawnRate;
    /** Open model: arrivals per second, and how they are spaced. */
    final double rate;
    final LoadModel.Arrivals arrivals;
    /*
     * The clock marks are set by startClock on the coordinator's thread before the loops are started; the
     * loops read them only in tasks submitted after that, which is what makes them visible there.
     */
    long startNanos;
    /** Attempts started (open model: intended to start) at or after this instant are measured. */
    long warmupEndNanos;
    /** Measured attempts that end at or after this instant are not counted; Long.MAX_VALUE without a duration. */
    long endNanos;
    final int expectStatus;
    final byte[] expectBody;
    private final boolean expectation;

    private final long ticketLimit;
    private final AtomicLong ticketsClaimed = new AtomicLong();
    private final AtomicLong ticketsDone = new AtomicLong();
    /** Counted down when all tickets are done or the run stopped early: what the coordinator waits for. */
    private final CountDownLatch over = new CountDownLatch(1);

    private volatile boolean stopped;
    /** Set by the first connection that was made: from then on a refused connect is the server's trouble, not a wrong port. */
    private volatile boolean connected;
    private volatile String stoppedBecause;

    /** A run of {@code spec} against {@code address}, speaking {@code protocol}, over TLS when {@code tls} is not null. */
    Load(LoadSpec spec, InetSocketAddress address, Tls tls, Protocol protocol) {
        this.spec = spec;
        this.address = address;
        this.tls = tls;
        this.protocol = protocol;
        this.h2 = protocol != Protocol.HTTP_1_1;
        this.streams = h2 ? spec.streams() : 1;
        this.body = spec.body();
        this.h2Headers = h2 ? Requests.h2Headers(spec) : null;
        this.h2Body = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(body));
        this.request = Requests.encode(spec);
        this.keepAlive = Requests.keepAlive(spec);
        this.head = Requests.isHead(spec);
        this.open = spec.openModel();
        this.timeoutNanos = spec.timeout().toNanos();
        this.thinkNanos = spec.model() instanceof LoadModel.Closed c ? c.thinkTime().toNanos() : 0;
        this.spawnRate = spec.model() instanceof LoadModel.Closed c ? c.spawnRate() : 0;
        this.rate = spec.model() instanceof LoadModel.Open o ? o.rate() : 0;
        this.arrivals = spec.model() instanceof LoadModel.Open o ? o.arrivals() : LoadModel.Arrivals.EVEN;
        Expectation e = spec.expect();
        this.expectStatus = e.status();
        this.expectBody = e.body();
        this.expectation = e.status() != 0 || e.body() != null;
        this.ticketLimit = spec.stop().requests().orElse(0);
    }

    /** Sets the run's clock marks: it starts now. */
    void startClock(long now) {
        startNanos = now;
        warmupEndNanos = now + spec.warmup().toNanos();
        endNanos = spec.stop().duration().map(d -> warmupEndNanos + d.toNanos()).orElse(Long.MAX_VALUE);
    }

    /** Fixed-count runs: takes the right to start one more measured attempt; false when all are taken. */
    boolean claimTicket() {
        return ticketLimit == 0 || ticketsClaimed.getAndIncrement() < ticketLimit;
    }

    /** Fixed-count runs: one measured attempt ended. */
    void ticketDone() {
        if (ticketLimit > 0 && ticketsDone.incrementAndGet() == ticketLimit) {
            over.countDown();
        }
    }

    /** Waits until all tickets are done or the run stopped early (true), or the time is up (false). */
    boolean awaitOver(long nanos) throws InterruptedException {
        return over.await(Math.max(0, nanos), TimeUnit.NANOSECONDS);
    }

    /** A connection was made. */
    void connected() {
        if (!connected) {
            connected = true;
        }
    }

    /**
     * A connect failed with {@code cause}. Refused before any connection of the run was made, it means that
     * nothing listens on the port: the run stops at once with that reason, as ab does, instead of counting
     * refusals for its whole duration.
     */
    void connectFailed(Throwable cause) {
        if (!connected && cause instanceof ConnectException && String.valueOf(cause.getMessage()).toLowerCase(Locale.ROOT).contains("refused")) {
            stoppedBecause = "connection refused: " + hostAndPort(address);
            stop();
            over.countDown();
        }
    }

    /** {@code a} as a person writes it: {@code 127.0.0.1:8080}, {@code [::1]:8080}. */
    static String hostAndPort(InetSocketAddress a) {
        String host = a.getAddress().getHostAddress();
        return (a.getAddress() instanceof Inet6Address ? "[" + host + "]" : host) + ":" + a.getPort();
    }

    /** The socket family that reaches {@code a}: its own, never a dual-stack IPv6 socket. */
    static SocketProtocolFamily family(InetSocketAddress a) {
        return a.getAddress() instanceof Inet6Address ? SocketProtocolFamily.INET6 : SocketProtocolFamily.INET;
    }

    /** The TLS implementation of an https run, else null. */
    String tlsProvider() {
        return tls == null ? null : tls.provider();
    }

    /** Why the run ended early, or null. */
    String stoppedBecause() {
        return stoppedBecause;
    }

    boolean stopped() {
        return stopped;
    }

    void stop() {
        stopped = true;
    }

    /** Null for a successful response, else the kind of failure it is. */
    ErrorKind judge(int status, boolean bodyMatches) {
        boolean statusOk = expectStatus == 0 ? status < 400 : status == expectStatus;
        if (statusOk && bodyMatches) {
            return null;
        }
        return expectation ? ErrorKind.VALIDATION : ErrorKind.STATUS;
    }

    /** How a response that {@link #judge} found a validation error missed the expectation. */
    String mismatch(int status, BodyCheck body) {
        if (expectStatus != 0 && status != expectStatus) {
            return "status " + status + ", expected " + expectStatus;
        }
        if (expectStatus == 0 && status >= 400) {
            return "status " + status + ", expected a 2xx or 3xx status";
        }
        return body.mismatch();
    }
}
