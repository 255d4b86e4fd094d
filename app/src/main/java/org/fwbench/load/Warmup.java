package org.fwbench.load;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;

/**
 * Trains the JIT on the engine's hot paths before anything is measured: short closed-model runs, first with a
 * new connection per request and then with keep-alive, against a {@link LoopbackServer} in this process. It
 * never touches the target, and it is bounded both in time and in requests.
 *
 * <p>Why: a fresh JVM runs the engine's connect, read and close paths in the interpreter and compiles them
 * during the first second or two of load, so a short run (ab's {@code -n 1000 -c 4}) measured the JIT: 1,000
 * new-connection requests to nginx took 720 us of CPU each instead of about 60 in steady state.
 */
final class Warmup {

    /** The measured run's warm-up: well under a second in all (see docs/hammer.md for the measurements). */
    static final Budget RUN = new Budget(Duration.ofMillis(400), 3_000, Duration.ofMillis(100), 20_000, Duration.ofMillis(150));
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

    /**
     * Waits (at most {@code max}) until the JIT compilers have been idle for two polls in a row: the
     * compilations the warm-up queued would otherwise compete with the measured load for the CPU.
     */
    private static void awaitCompiler(Duration max) {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
            return;
        }
        long deadline = System.nanoTime() + max.toNanos();
        long last = jit.getTotalCompilationTime();
        int quiet = 0;
        while (quiet < 2 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            long now = jit.getTotalCompilationTime();
            quiet = now == last ? quiet + 1 : 0;
            last = now;
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
        }
    }

    /** One bounded run of the engine, without progress reports. */
    interface Runner {
        LoadResult run(LoadSpec spec);
    }
}
