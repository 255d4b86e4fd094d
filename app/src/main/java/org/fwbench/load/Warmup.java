package org.fwbench.load;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Trains the JIT on the engine's hot paths before anything is measured: short runs, first with a new connection
 * per request, then with keep-alive, counted and then bounded by time alone, closed and at a fixed rate, against a
 * {@link LoopbackServer} in this process. It never touches the target, and it is bounded both in time and in
 * requests.
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
    static final Budget RUN = new Budget(Duration.ofSeconds(4), 5_000, Duration.ofSeconds(1), 20_000,
            Duration.ofSeconds(10), Duration.ofSeconds(2));
    /** The launcher's training run for the JVM's ahead-of-time cache: it records the classes the engine loads. */
    static final Budget TRAINING = new Budget(Duration.ofSeconds(1), 3_000, Duration.ofMillis(300), 20_000,
            Duration.ofSeconds(1), Duration.ZERO);
    /** The keep-alive runs bounded by time alone (see {@link #run}): their branch needs taking, not 5,000 times. */
    static final Duration TIMED_KEEP_ALIVE = Duration.ofMillis(250);
    private static final int MAX_TIMED_RUNS = 8;
    /**
     * The open model's rate in the warm-up: a fixed-rate load's path (its schedule, its timers) taken some
     * thousands of times in {@link #TIMED_KEEP_ALIVE}, well within what the loopback server serves.
     */
    static final double OPEN_RATE = 20_000;
    /** Enough connections to use every event loop on a small machine, few enough for a thread each on the server. */
    private static final int CONNECTIONS = 2;

    /**
     * How long and how much each phase may take (whichever ends first), the most each phase in passes may take
     * ({@code inPasses}: HTTP/2, and HTTP/1.1 over TLS; see {@link #inPasses}), and how long to wait at most for the
     * JIT compilations a phase queued.
     */
    record Budget(Duration newConnections, long maxNewConnections, Duration keepAlive, long maxKeepAlive,
            Duration inPasses, Duration compilerDrain) {
    }

    /**
     * The extra warm-up before the first run of a process over h2c, h2 or HTTP/1.1 over TLS: that path against a
     * {@link LoopbackH2Server}, so that Netty's HTTP/2 codec, the engine's streams, Netty's channel and the TLS
     * handler are compiled before they are measured. It goes in passes of {@value #PASS_MILLIS} ms, each followed
     * by the wait for the compilers, until a pass runs within {@value #STEADY_PERCENT} % of the one before and
     * leaves the compilers nothing to do, or the budget's {@code inPasses} is spent.
     *
     * <p>Why passes: the HTTP/2 path is much more code than HTTP/1.1's, and with the engine on one CPU the JIT
     * compiles it over 6-10 s. The single pass of 2 s it had before left C2 compiling through the measured run:
     * 5 s h2c runs against h2o without {@code --warmup} got 35,000-141,000 req/s at 6.9-20 us of CPU per request,
     * against 244,000-298,000 and 3.3 us after a 5 s {@code --warmup}. The passes' own rate grows from about
     * 1,000 to 90,000 req/s over those seconds, and the run after them measured 3.2 us. The TLS handshakes run in
     * BoringSSL, native code that needs no warming.
     */
    static final int PASS_MILLIS = 500;
    static final int STEADY_PERCENT = 10;
    /** A wait for the compilers shorter than this after a run: they had nothing left to compile. */
    private static final long IDLE_COMPILER_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final int H2_STREAMS = 8;
    /** A pass ends after its time; this count only bounds it where a pass could run away (a far faster machine). */
    private static final long MAX_PASS_REQUESTS = 1_000_000;

    /** What a phase in passes did (HTTP/2, HTTP/1.1 over TLS): its passes, the last one's result, if it got steady. */
    record Passes(int passes, LoadResult last, boolean steady) {
    }

    /**
     * What the warm-up did: each phase's result (of the runs bounded by time, the last closed and the last open one)
     * and the responses written.
     */
    record Report(LoadResult newConnections, LoadResult keepAlive, LoadResult timedClosed, LoadResult timedOpen,
            long served) {
        long requests() {
            return newConnections.requests() + keepAlive.requests() + timedClosed.requests() + timedOpen.requests();
        }
    }

    private Warmup() {
    }

    /** Runs both phases on the engine's loops; {@code runner} runs one spec against one address. */
    static Report run(Budget budget, Runner runner) {
        try (LoopbackServer server = new LoopbackServer(CONNECTIONS)) {
            LoadResult close = runner.run(spec(server, false,
                    Stop.afterEither(budget.newConnections(), budget.maxNewConnections())));
            LoadResult keepAlive = runner.run(spec(server, true,
                    Stop.afterEither(budget.keepAlive(), budget.maxKeepAlive())));
            // and runs bounded by time alone, as most measured runs are: with counted runs only, C2 compiled the
            // request path without the branch of an uncounted one, and the first response of a time-bounded run
            // against nginx threw it away (an "uncommon trap" in Load.ticketDone, inlined into Slot.ended).
            // Closed and open (a fixed rate) in turn: a suite run serves a fixed rate after each measurement from
            // its second round on, and with closed runs alone C2 compiled the shared path (Slot.begin, User.send,
            // User.received, Netty's EpollIoHandler.run, the histogram's record) without the open model's branches.
            // The first fixed-rate load threw all of it away, and the next measurement ran on C1 code: 31-48 instead
            // of 12-15 us of the engine's CPU per request, and a fifth to nearly half fewer requests a second.
            // Repeated until a run of each model leaves the compilers nothing to do: methods kept at C1 while C2's
            // queue was long were otherwise sent to C2 by the measured run's first calls (bench/first-second.sh,
            // docs/hammer.md).
            LoadSpec closed = spec(server, true, Stop.after(TIMED_KEEP_ALIVE));
            LoadSpec[] turns = {closed, closed.toBuilder().model(new LoadModel.Open(OPEN_RATE, CONNECTIONS)).build()};
            LoadResult[] last = new LoadResult[turns.length];
            int runs = 0;
            int idleInARow = 0;
            do {
                last[runs % turns.length] = runner.run(turns[runs % turns.length]);
                runs++;
                idleInARow = awaitCompiler(budget.compilerDrain()) < IDLE_COMPILER_NANOS ? idleInARow + 1 : 0;
            } while (idleInARow < turns.length && runs < MAX_TIMED_RUNS);
            return new Report(close, keepAlive, last[0], last[1], server.served());
        }
    }

    /**
     * A phase in passes (see {@link #PASS_MILLIS}) on one path: HTTP/2, cleartext or over TLS, or HTTP/1.1 over TLS;
     * {@code runner} runs one spec. HTTP/1.1 over TLS is the path of an https run without {@code --http 2} (Netty's
     * channel, its TLS handler, the parser fed by it), which no other phase runs: without it a fresh
     * {@code hammer -c 50 -k https://...} against nginx spent 400-530 ms of its first second in C2 and made 35-42k
     * requests in it, against 84-99k in the next ones (with these passes: 40-80 ms and 68-87k).
     */
    static Passes inPasses(HttpVersion http, boolean tls, Budget budget, Runner runner) {
        try (LoopbackH2Server server = new LoopbackH2Server(tls)) {
            LoadSpec.Builder pass = LoadSpec.to(server.url()).model(LoadModel.Closed.of(CONNECTIONS))
                    .timeout(Duration.ofSeconds(1)).http(http).insecure(true);
            if (http == HttpVersion.HTTP_2) {
                pass.streams(H2_STREAMS);
            }
            Duration time = Duration.ofMillis(PASS_MILLIS);
            // Passes bounded by time alone and passes also bounded by a count, in turn: the JIT compiles only the
            // branches it saw taken, and a run without a count had deoptimised the read path on its first
            // response when the warm-up had only counted runs (-XX:+PrintCompilation: "uncommon trap" in
            // Slot.beginClosed and Loop.count, then Netty's decoder, recompiled in the measured run).
            LoadSpec[] turns = {pass.stop(Stop.after(time)).build(),
                    pass.stop(Stop.afterEither(time, MAX_PASS_REQUESTS)).build()};
            long end = System.nanoTime() + budget.inPasses().toNanos();
            int passes = 0;
            long before = 0;
            LoadResult last;
            do {
                last = runner.run(turns[passes % 2]);
                passes++;
                boolean compilerIdle = awaitCompiler(budget.compilerDrain()) < IDLE_COMPILER_NANOS;
                long requests = last.requests();
                if (compilerIdle && requests > 0 && Math.abs(requests - before) * 100 <= STEADY_PERCENT * before) {
                    return new Passes(passes, last, true);
                }
                before = requests;
            } while (System.nanoTime() < end && !Thread.currentThread().isInterrupted()); // Ctrl-C: stop warming up
            return new Passes(passes, last, false);
        }
    }

    /**
     * Waits (at most {@code max}) until the JIT compilers are idle: the compilations the warm-up queued would
     * otherwise compete with the measured load for the CPU. A compiler thread with work is runnable and
     * sleeps once its queue is empty (see {@link CompilerThreads}). The JIT's total compilation time, polled
     * before, only grows when a compilation ends, so a pause in it says little: on a busy machine single C2
     * compilations of Netty's read path took up to 800 ms.
     *
     * @return how long it waited, in nanoseconds
     */
    private static long awaitCompiler(Duration max) {
        long start = System.nanoTime();
        long deadline = start + max.toNanos();
        int quiet = 0;
        while (quiet < 3 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            quiet = CompilerThreads.busy() ? 0 : quiet + 1;
        }
        return System.nanoTime() - start;
    }

    private static LoadSpec spec(LoopbackServer server, boolean keepAlive, Stop stop) {
        return LoadSpec.to(server.url())
                .model(LoadModel.Closed.of(CONNECTIONS))
                .stop(stop)
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
            engine.warmUpInPasses(HttpVersion.HTTP_2, true, TRAINING); // HTTP/2 and TLS classes too
            engine.warmUpInPasses(HttpVersion.HTTP_1_1, true, TRAINING);
        }
    }

    /** One bounded run of the engine, without progress reports. */
    interface Runner {
        LoadResult run(LoadSpec spec);
    }
}
