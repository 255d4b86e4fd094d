package org.fwbench.load;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import java.net.InetSocketAddress;
import java.nio.channels.spi.SelectorProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;

/**
 * The load engine: event loops (one per CPU this process may use; epoll where available, else NIO) that
 * run one load run after the other. Each run gets its own connections, timers and histograms and leaves
 * none behind. Cleartext HTTP/1.1 on epoll uses connections of the engine's own ({@link EpollConnection});
 * https, HTTP/2 and NIO use Netty's channels, made by the factory below.
 */
public final class LoadEngine implements AutoCloseable {

    /** The JIT's state is the process's: the first run of any engine warms it up for all. */
    private static final AtomicBoolean WARM = new AtomicBoolean();
    /** And the first run of each other path its own (see {@link Warmup#inPasses}). */
    private static final Set<Path> WARMED = ConcurrentHashMap.newKeySet();

    /** A path through the engine beside cleartext HTTP/1.1: HTTP/2 or not, over TLS or not. */
    private record Path(boolean h2, boolean tls) {
    }

    private final EventLoopGroup group;
    private final List<EventLoop> eventLoops = new ArrayList<>();
    private final boolean epoll;
    private final int cpus;

    /** Event loops = CPUs this process may use (the affinity mask is respected); epoll if available, else NIO. */
    public LoadEngine() {
        this(ProcessCpu.available(), Epoll.isAvailable());
    }

    LoadEngine(int threads, boolean epoll) {
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        this.group = new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory("fwbench-load", true), io);
        this.epoll = epoll;
        this.cpus = ProcessCpu.available();
        for (EventExecutor e : group) {
            eventLoops.add((EventLoop) e);
        }
    }

    /**
     * Runs {@code spec} and blocks until it is over: at its duration (requests still in flight then are
     * not counted) or when its request count is reached. {@code progress} hears about the run about once a
     * second, on the calling thread.
     *
     * <p>Interrupting the calling thread ends the run within milliseconds: the result then covers what
     * was measured until then, and the thread's interrupt flag is set again so the caller can tell. This
     * method does not throw {@link InterruptedException} itself; the clause leaves room for callers that
     * treat an interrupt the other way.
     *
     * @throws IllegalArgumentException when the URL is not http or https, its host does not resolve, or the
     *                                  TLS handshake with the server fails (an untrusted certificate without
     *                                  {@link LoadSpec#insecure()}, no common protocol or cipher)
     */
    public LoadResult run(LoadSpec spec, Consumer<Progress> progress) throws InterruptedException {
        return run(spec, progress, null);
    }

    /**
     * Like {@link #run(LoadSpec, Consumer)}, and hands each second's latency histogram of the measured
     * window (microseconds, with start and end time stamps in epoch milliseconds) to {@code intervals}, on
     * the calling thread: what an HdrHistogram interval log is written from.
     */
    public synchronized LoadResult run(LoadSpec spec, Consumer<Progress> progress, Consumer<Histogram> intervals)
            throws InterruptedException {
        InetSocketAddress address = warmUpFor(spec);
        if (spec.stop().duration().isEmpty()) {
            CompilerThreads.yieldToLoad(); // a short, counted run (see there)
        }
        return execute(spec, address, progress, intervals);
    }

    /**
     * Trains the JIT on the engine's paths unless this process already has (see {@link Warmup}): the request path,
     * and HTTP/2's or TLS's when {@code http} or {@code tls} asks for them. {@link #run} does it first itself; a
     * caller that times what follows its first run (a target's warm-up) calls this before.
     */
    public synchronized void warmUpFor(HttpVersion http, boolean tls) {
        if (WARM.compareAndSet(false, true)) {
            warmUp(Warmup.RUN);
        }
        boolean h2 = http == HttpVersion.HTTP_2;
        if ((h2 || tls) && WARMED.add(new Path(h2, tls))) {
            warmUpInPasses(http, tls, Warmup.RUN);
        }
    }

    /**
     * {@link #warmUpFor(HttpVersion, boolean)} for {@code spec}'s path, once its host has resolved: a mistyped host
     * is told at once, not after seconds of warm-up.
     *
     * @return the address {@code spec} goes to
     * @throws IllegalArgumentException when the URL's host does not resolve
     */
    public synchronized InetSocketAddress warmUpFor(LoadSpec spec) {
        InetSocketAddress address = address(spec);
        warmUpFor(spec.http(), spec.tls());
        return address;
    }

    /** Trains the JIT on this engine's loops against a loopback server of its own (see {@link Warmup}). */
    Warmup.Report warmUp(Warmup.Budget budget) {
        return Warmup.run(budget, s -> execute(s, address(s), p -> { }, null));
    }

    /** Trains the JIT on one path, HTTP/2 or HTTP/1.1, over TLS when {@code tls} (see {@link Warmup#inPasses}). */
    Warmup.Passes warmUpInPasses(HttpVersion http, boolean tls, Warmup.Budget budget) {
        return Warmup.inPasses(http, tls, budget, s -> execute(s, address(s), p -> { }, null));
    }

    private LoadResult execute(LoadSpec spec, InetSocketAddress address, Consumer<Progress> progress,
            Consumer<Histogram> intervals) {
        ChannelFactory<Channel> channels = channels(address);
        boolean h2 = spec.http() == HttpVersion.HTTP_2;
        Tls tls = null;
        Protocol protocol = h2 ? Protocol.H2C : Protocol.HTTP_1_1;
        if (spec.tls()) {
            tls = new Tls(spec, h2 ? List.of(Protocol.H2, Protocol.HTTP_1_1) : List.of(Protocol.HTTP_1_1));
            protocol = Negotiation.probe(tls, address, eventLoops.getFirst(), channels, spec.timeout(),
                    h2 ? Protocol.H2 : Protocol.HTTP_1_1);
        }
        return new LoadDriver(new Load(spec, address, tls, protocol), eventLoops, channels, cpus, intervals).execute(progress);
    }

    /**
     * Sockets of the target's own address family: the default dual-stack IPv6 socket would cost a system
     * call more per connection (IPV6_V6ONLY) and IPv4-mapped addresses in the kernel. A factory instead of
     * a class also spares Netty a reflective constructor call per connection.
     */
    private ChannelFactory<Channel> channels(InetSocketAddress address) {
        SocketProtocolFamily family = Load.family(address);
        SelectorProvider nio = SelectorProvider.provider();
        return epoll ? () -> readingEpollChannel(family) : () -> new NioSocketChannel(nio, family);
    }

    /**
     * An epoll channel that asks for EPOLLIN before it is registered, so the interest goes into the
     * connect's EPOLL_CTL_ADD. Netty would otherwise add it with one more EPOLL_CTL_MOD once connected (auto
     * read): 5 epoll_ctl calls per connection become 4, about 1 µs each on the development machine (perf).
     * Netty handles EPOLLOUT (the connect's end) before EPOLLIN, and no byte can arrive before the handshake.
     */
    private static Channel readingEpollChannel(SocketProtocolFamily family) {
        EpollSocketChannel c = new EpollSocketChannel(family);
        c.unsafe().beginRead(); // unregistered: only records the interest, no system call
        return c;
    }

    private static InetSocketAddress address(LoadSpec spec) {
        String scheme = spec.url().getScheme();
        boolean tls = scheme != null && scheme.toLowerCase(Locale.ROOT).equals("https");
        if (scheme == null || !tls && !scheme.toLowerCase(Locale.ROOT).equals("http")) {
            throw new IllegalArgumentException("only http and https URLs can be loaded, not " + spec.url());
        }
        String host = spec.url().getHost();
        if (host == null) {
            throw new IllegalArgumentException("the URL has no host: " + spec.url());
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        InetSocketAddress a = new InetSocketAddress(host, spec.url().getPort() != -1 ? spec.url().getPort() : tls ? 443 : 80);
        if (a.isUnresolved()) {
            throw new IllegalArgumentException("unknown host: " + host);
        }
        return a;
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
