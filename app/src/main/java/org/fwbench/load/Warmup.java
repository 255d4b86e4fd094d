package org.fwbench.load;

import java.time.Duration;

/**
 * Trains the JIT on the engine's hot paths before anything is measured: short closed-model runs, first with a
 * new connection per request and then with keep-alive, against a {@link LoopbackServer} in this process. It
 * never touches the target, and it is bounded both in time and in requests.
 *
 * <p>Why: a fresh JVM runs the engine's connect, read and close paths in the interpreter and compiles them
 * during the first second or two of load, so a short run (ab's {@code -n 1000 -c 4}) measured the JIT: 1,000
 * new-connection requests to nginx took 720 us of CPU each instead of about 60 in steady state. The
 * loopback server's responses look like a real server's, so that the parser's branches are the same.
 */
final class Warmup {

    /**
     * The measured run's warm-up, bounded by counts: the JIT compiles a method after thousands of calls
     * (C2: about 5,000), and Netty's connect and close paths run once per connection, so the warm-up must
     * open thousands of connections. Bounded by time instead (400 ms), it had made 73 connections on a busy
     * machine. The time limits only stop a warm-up that cannot reach its counts (see docs/hammer.md).
     */
    static final Budget RUN = new Budget(Duration.ofSeconds(4), 5_000, Duration.ofSeconds(1), 20_000, Duration.ofSeconds(2));
    /** The launcher's training run for the JVM's ahead-of-time cache: it records the classes the engine loads. */
    static final Budget TRAINING = new Budget(Duration.ofSeconds(1), 3_000, Duration.ofMillis(300), 20_000, Duration.ZERO);
    /** Enough connections to use every event loop on a small machine, few enough for a thread each on the server. */
    private static final int CONNECTIONS = 2;

    /**
     * How long and how much each phase may take (whichever ends first), and how long to wait at most for the
     * JIT compilations the phases queued.
     */
    record Budget(Duration newConnections, long maxNewConnections, Duration keepAlive, long maxKeepAlive,
            Duration compilerDrain) {
    }

    /**
     * The extra warm-up before the first HTTP/2 or https run: HTTP/2 against a {@link LoopbackH2Server}, over
     * TLS for https, so that Netty's HTTP/2 codec, the engine's streams and the TLS handler are compiled before
     * they are measured. Without it a 5 s h2c run measured 60 to 80 us of CPU per request instead of about 9
     * in steady state (the C2 compiler's own CPU counts in the client's); the TLS handshakes themselves run in
     * BoringSSL, native code that needs no warming.
     */
    static final Duration H2_TIME = Duration.ofSeconds(2);
    static final long H2_REQUESTS = 40_000;
    private static final int H2_STREAMS = 8;

    /** What the warm-up did: each phase's result and the responses the loopback server wrote. */
    record Report(LoadResult newConnections, LoadResult keepAlive, long served) {
        long requests() {
            return newConnections.requests() + keepAlive.requests();
        }
    }

    private Warmup() {
    }

    /** Runs both phases on the engine's loops; {@code runner} runs one spec against one address. */
    static Report run(Budget budget, Runner runner) {
        try (LoopbackServer server = new LoopbackServer(CONNECTIONS)) {
            LoadResult close = runner.run(spec(server, false, budget.newConnections(), budget.maxNewConnections()));
            LoadResult keepAlive = runner.run(spec(server, true, budget.keepAlive(), budget.maxKeepAlive()));
            awaitCompiler(budget.compilerDrain());
            return new Report(close, keepAlive, server.served());
        }
    }

    /** The HTTP/2 phase (see {@link #H2_TIME}), over TLS when {@code tls}; {@code runner} runs one spec. */
    static LoadResult runH2(boolean tls, Runner runner, Duration compilerDrain) {
        try (LoopbackH2Server server = new LoopbackH2Server(tls)) {
            LoadResult r = runner.run(LoadSpec.to(server.url()).model(LoadModel.Closed.of(CONNECTIONS))
                    .stop(Stop.afterEither(H2_TIME, H2_REQUESTS)).timeout(Duration.ofSeconds(1))
                    .http(HttpVersion.HTTP_2).streams(H2_STREAMS).insecure(true).build());
            awaitCompiler(compilerDrain);
            return r;
        }
    }

    /**
     * Waits (at most {@code max}) until the JIT compilers are idle: the compilations the warm-up queued would
     * otherwise compete with the measured load for the CPU. A compiler thread with work is runnable and
     * sleeps once its queue is empty (see {@link CompilerThreads}). The JIT's total compilation time, polled
     * before, only grows when a compilation ends, so a pause in it says little: on a busy machine single C2
     * compilations of Netty's read path took up to 800 ms.
     */
    private static void awaitCompiler(Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        int quiet = 0;
        while (quiet < 3 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            quiet = CompilerThreads.busy() ? 0 : quiet + 1;
        }
    }

    private static LoadSpec spec(LoopbackServer server, boolean keepAlive, Duration duration, long requests) {
        return LoadSpec.to(server.url())
                .model(LoadModel.Closed.of(CONNECTIONS))
                .stop(Stop.afterEither(duration, requests))
                .timeout(Duration.ofSeconds(1))
                .keepAlive(keepAlive)
                .build();
    }

    /**
     * The training run of the launcher's ahead-of-time cache ({@code -XX:AOTCacheOutput}): the JVM records
     * the classes this loads, linked, so that later runs start with them.
     */
    public static void main(String[] args) {
        try (LoadEngine engine = new LoadEngine()) {
            engine.warmUp(TRAINING);
            engine.warmUpH2(true, TRAINING.compilerDrain()); // HTTP/2 and TLS classes too
        }
    }

    /** One bounded run of the engine, without progress reports. */
    interface Runner {
        LoadResult run(LoadSpec spec);
    }
}
