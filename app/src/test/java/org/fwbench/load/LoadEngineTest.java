package org.fwbench.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.HdrHistogram.Histogram;
import org.fwbench.stats.Histograms;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The engine against the JDK's own HTTP server: counting, models, reuse, interrupts, an absent server. */
class LoadEngineTest {

    private static HttpServer http;
    private static final AtomicLong served = new AtomicLong();
    private static LoadEngine engine;

    @BeforeAll
    static void start() throws IOException {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        http.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        http.createContext("/hello", ex -> respond(ex, 200, FaultServer.HELLO));
        http.createContext("/echo", ex -> respond(ex, 200, ex.getRequestBody().readAllBytes()));
        http.createContext("/method", ex -> respond(ex, 200, (ex.getRequestMethod() + " " + ex.getRequestHeaders().getFirst("X-Test")).getBytes()));
        http.createContext("/fail", ex -> respond(ex, 500, new byte[0]));
        http.start();
        engine = new LoadEngine();
    }

    private static void respond(HttpExchange ex, int status, byte[] body) throws IOException {
        served.incrementAndGet();
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        ex.getResponseBody().write(body);
        ex.close();
    }

    @AfterAll
    static void stop() {
        engine.close();
        http.stop(0);
    }

    private static URI url(String path) {
        return URI.create("http://127.0.0.1:" + http.getAddress().getPort() + path);
    }

    @Test
    void aClosedRunCountsEveryResponseAndReportsOnceASecond() throws Exception {
        List<Progress> progress = new ArrayList<>();
        LoadResult r = engine.run(Specs.of(url("/hello")).connections(4).duration(2200).warmup(300).build(), progress::add);

        assertThat(r.model()).isEqualTo("closed");
        assertThat(r.ok()).isPositive().isEqualTo(r.requests());
        assertThat(r.statuses()).containsExactly(java.util.Map.entry("200", r.ok()));
        assertThat(r.errors()).containsOnlyKeys("timeout", "connect", "tls", "reset", "stream_reset", "protocol", "validation", "status")
                .allSatisfy((k, v) -> assertThat(v).isZero());
        assertThat(r.latencyMs().count()).isEqualTo(r.ok());
        assertThat(r.transport().protocol()).isEqualTo("http/1.1");
        assertThat(r.transport().tlsProvider()).isNull();
        assertThat(r.durationSeconds()).isBetween(2.1, 2.4);
        assertThat(r.throughput()).isEqualTo(r.ok() / r.durationSeconds());
        assertThat(r.bytesRead()).isGreaterThan(12 * r.ok());
        assertThat(r.timeline()).hasSizeBetween(2, 3); // 3 unless the coordinator woke up late for the second tick
        assertThat(r.timeline().stream().mapToLong(LoadResult.Interval::requests).sum()).isEqualTo(r.requests());
        assertThat(r.client().cpuSeconds()).isPositive();
        assertThat(progress).anyMatch(Progress::warmup).anyMatch(p -> !p.warmup() && p.requests() > 0);
        assertThat(progress).allMatch(p -> p.connections() <= 4);
    }

    @Test
    void aFixedCountEndsAfterExactlyThatManyAttempts() throws Exception {
        LoadResult r = engine.run(Specs.of(url("/hello")).connections(7).requests(1234).build(), p -> { });
        assertThat(r.requests()).isEqualTo(1234);
        assertThat(r.ok()).isEqualTo(1234);
    }

    @Test
    void methodHeadersAndBodyAreSent() throws Exception {
        LoadResult echo = engine.run(Specs.of(url("/echo")).method("POST").body("{\"a\":1}").requests(50)
                .expectBody("{\"a\":1}".getBytes()).build(), p -> { });
        assertThat(echo.ok()).isEqualTo(50);
        LoadResult method = engine.run(Specs.of(url("/method")).method("PUT").header("X-Test", "yes").requests(20)
                .expectBody("PUT yes".getBytes()).build(), p -> { });
        assertThat(method.ok()).isEqualTo(20);
    }

    @Test
    void serverErrorsAreStatusErrorsWithoutAnExpectation() throws Exception {
        LoadResult r = engine.run(Specs.of(url("/fail")).requests(30).build(), p -> { });
        assertThat(r.errors().get("status")).isEqualTo(30);
        assertThat(r.statuses()).containsEntry("500", 30L);
    }

    @Test
    void withoutKeepAliveEveryRequestHasItsOwnConnection() throws Exception {
        try (FaultServer server = new FaultServer()) {
            LoadResult r = engine.run(Specs.of(server.url("/ok")).connections(3).requests(90).noKeepAlive().build(), p -> { });
            assertThat(r.ok()).isEqualTo(90);
            assertThat(server.accepted()).isEqualTo(90);
        }
    }

    @Test
    void oneEngineRunsManyRunsAndLeavesNoConnectionOpen() throws Exception {
        try (FaultServer server = new FaultServer()) {
            for (int i = 0; i < 3; i++) {
                LoadResult r = engine.run(Specs.of(server.url("/ok")).connections(8).duration(300).build(), p -> { });
                assertThat(r.ok()).isPositive();
                assertThat(r.failed()).isZero();
                awaitNoOpenConnection(server);
            }
            assertThat(server.accepted()).isEqualTo(24);
        }
    }

    private static void awaitNoOpenConnection(FaultServer server) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (server.open() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(server.open()).as("connections left open").isZero();
    }

    @Test
    void theNioTransportWorksToo() throws Exception {
        try (LoadEngine nio = new LoadEngine(1, false)) {
            LoadResult r = nio.run(Specs.of(url("/hello")).connections(3).requests(300).build(), p -> { });
            assertThat(r.ok()).isEqualTo(300);
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void aPortWithNoServerStopsTheRunAtOnceWithTheReason() throws Exception {
        int port = closedPort();
        LoadResult r = engine.run(Specs.of(URI.create("http://127.0.0.1:" + port + "/")).connections(4).duration(60_000).build(),
                p -> { });
        assertThat(r.stoppedBecause()).isEqualTo("connection refused: 127.0.0.1:" + port);
        assertThat(r.ok()).isZero();
        assertThat(r.errors().get("connect")).isEqualTo(r.failed()).isLessThanOrEqualTo(4);
    }

    @Test
    void aFixedCountAgainstAPortWithNoServerStopsWithTheReason() throws Exception {
        int port = closedPort();
        LoadResult r = engine.run(Specs.of(URI.create("http://127.0.0.1:" + port + "/")).connections(2).requests(10).build(), p -> { });
        assertThat(r.stoppedBecause()).isEqualTo("connection refused: 127.0.0.1:" + port);
        assertThat(r.ok()).isZero();
    }

    @Test
    void aServerThatGoesAwayMidRunIsConnectErrorsWithABackOff() throws Exception {
        FaultServer server = new FaultServer();
        Thread closer = Thread.ofPlatform().start(() -> {
            try {
                long deadline = System.nanoTime() + 5_000_000_000L;
                while (server.accepted() < 4 && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                server.close();
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        LoadResult r = LoadEngineFaultsTest.timed(engine, Specs.of(server.url("/stall")).connections(4).duration(1000).build());
        closer.join();
        assertThat(r.stoppedBecause()).as("it had connected: refusals are the server's trouble now").isNull();
        assertThat(r.ok()).isZero();
        assertThat(r.errors().get("connect")).isPositive();
        // back-off from 10 ms: at most about 100 attempts per connection and second, not a hot loop
        assertThat(r.failed()).isLessThan(4 * 110);
    }

    @Test
    void interruptingTheCallerEndsTheRunWithWhatWasMeasured() throws Exception {
        AtomicReference<LoadResult> result = new AtomicReference<>();
        AtomicReference<Boolean> flag = new AtomicReference<>();
        CountDownLatch measuring = new CountDownLatch(1);
        Thread t = Thread.ofPlatform().start(() -> {
            try {
                result.set(engine.run(Specs.of(url("/hello")).connections(2).duration(60_000).build(), p -> measuring.countDown()));
                flag.set(Thread.currentThread().isInterrupted());
            } catch (InterruptedException e) {
                flag.set(true);
            }
        });
        assertThat(measuring.await(20, TimeUnit.SECONDS)).isTrue();
        long start = System.nanoTime();
        t.interrupt();
        t.join(5000);
        assertThat(t.isAlive()).isFalse();
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(2000);
        assertThat(flag.get()).isTrue();
        assertThat(result.get().ok()).isPositive();
        assertThat(result.get().durationSeconds()).isBetween(1.0, 5.0);
    }

    @Test
    void intervalHistogramsCoverTheMeasuredWindow() throws Exception {
        List<Histogram> intervals = new ArrayList<>();
        LoadResult r = engine.run(Specs.of(url("/hello")).connections(2).duration(1500).build(), p -> { }, intervals::add);
        assertThat(intervals).hasSizeBetween(1, 2).hasSameSizeAs(r.timeline());
        assertThat(intervals.stream().mapToLong(Histogram::getTotalCount).sum()).isEqualTo(r.latencyMs().count());
        for (int i = 1; i < intervals.size(); i++) {
            assertThat(intervals.get(i).getStartTimeStamp()).isEqualTo(intervals.get(i - 1).getEndTimeStamp());
        }
        assertThat(Histograms.decode(r.latencyHistogram()).getTotalCount()).isEqualTo(r.ok());
    }

    @Test
    void aRampAndThinkTimeSlowTheClosedModelDown() throws Exception {
        LoadResult r = engine.run(Specs.of(url("/hello")).connections(4).spawnRate(8).thinkTime(100).duration(1000).build(), p -> { });
        // users start at 0, 125, 250 and 375 ms and then make at most one request every 100 ms
        assertThat(r.ok()).isBetween(10L, 40L);
        assertThat(r.failed()).isZero();
    }

    @Test
    void aBadUrlIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.run(Specs.of(URI.create("ftp://127.0.0.1/")).build(), p -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http");
    }
}
