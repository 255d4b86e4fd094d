package org.fwbench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The engine against a server that misbehaves: every fault is counted as its kind, and no run overstays. */
class LoadEngineFaultsTest {

    /** Generous: the machine is shared, but a run that hangs overstays by far more. */
    private static final long SLACK_MILLIS = 2500;

    private static FaultServer server;
    private static LoadEngine engine;

    @BeforeAll
    static void start() throws Exception {
        server = new FaultServer();
        engine = new LoadEngine();
    }

    @AfterAll
    static void stop() throws Exception {
        engine.close();
        server.close();
    }

    /** Runs the spec and checks that it ended within its duration plus its timeout (plus slack). */
    static LoadResult timed(LoadEngine engine, LoadSpec spec) throws InterruptedException {
        long start = System.nanoTime();
        LoadResult r = engine.run(spec, p -> { });
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(millis).as("run time").isLessThan(spec.stop().duration().orElse(Duration.ZERO).plus(spec.timeout()).toMillis() + SLACK_MILLIS);
        assertThat(r.requests()).isEqualTo(r.ok() + r.failed());
        assertThat(r.errors().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(r.failed());
        return r;
    }

    static Stream<Arguments> faults() {
        return Stream.of(
                Arguments.of("/stall", "timeout"),
                Arguments.of("/delay?ms=2000", "timeout"),
                Arguments.of("/reset-mid-body", "reset"),
                Arguments.of("/close-without-response", "reset"),
                Arguments.of("/garbage-status", "protocol"),
                Arguments.of("/short-length", "protocol"),
                Arguments.of("/long-length", "protocol"),
                Arguments.of("/broken-chunk", "protocol"),
                Arguments.of("/status?code=503", "status"));
    }

    @ParameterizedTest(name = "{0} is a {1} error")
    @MethodSource("faults")
    void everyFaultIsCountedAsItsKindAndTheRunEndsOnTime(String path, String kind) throws Exception {
        LoadResult r = timed(engine, Specs.of(server.url(path)).duration(700).timeout(250).build());
        assertThat(r.ok()).isZero();
        assertThat(r.errors().get(kind)).as(kind).isPositive().isEqualTo(r.failed());
    }

    static Stream<Arguments> goodResponses() {
        return Stream.of(
                Arguments.of("/ok", "GET"),
                Arguments.of("/ok", "HEAD"),
                Arguments.of("/chunked", "GET"),
                Arguments.of("/continue", "GET"),
                Arguments.of("/empty?code=204", "GET"),
                Arguments.of("/empty?code=304", "GET"),
                Arguments.of("/http10", "GET"),
                Arguments.of("/connection-close", "GET"),
                Arguments.of("/close-after?n=3", "GET"));
    }

    @ParameterizedTest(name = "{1} {0}")
    @MethodSource("goodResponses")
    void wellFramedResponsesAllSucceed(String path, String method) throws Exception {
        byte[] expected = method.equals("HEAD") || path.startsWith("/empty") ? null : FaultServer.HELLO;
        LoadResult r = timed(engine, Specs.of(server.url(path)).method(method).requests(60).expectBody(expected).build());
        assertThat(r.requests()).isEqualTo(60);
        assertThat(r.failed()).as("errors: %s", r.errors()).isZero();
        assertThat(r.latencyMs().count()).isEqualTo(60);
    }

    @Test
    void aServerThatClosesBetweenRequestsIsReconnectedTo() throws Exception {
        int before = server.accepted();
        LoadResult r = timed(engine, Specs.of(server.url("/close-after?n=2")).connections(1).requests(20).build());
        assertThat(r.ok()).isEqualTo(20);
        assertThat(server.accepted() - before).isGreaterThanOrEqualTo(10);
    }

    @Test
    void bodiesOfSeveralMegabytesAreCountedAndChecked() throws Exception {
        int size = 5 << 20;
        byte[] xs = new byte[size];
        Arrays.fill(xs, (byte) 'x');
        for (String path : new String[] {"/big?bytes=" + size, "/big-chunked?bytes=" + size}) {
            LoadResult r = timed(engine, Specs.of(server.url(path)).requests(6).expectBody(xs).timeout(5000).build());
            assertThat(r.ok()).as(path).isEqualTo(6);
            assertThat(r.bytesRead()).isGreaterThan(6L * size);
        }
        byte[] wrong = xs.clone();
        wrong[size - 1] = 'y';
        LoadResult r = timed(engine, Specs.of(server.url("/big?bytes=" + size)).requests(2).expectBody(wrong).timeout(5000).build());
        assertThat(r.errors().get("validation")).isEqualTo(2);
    }

    @Test
    void withAnExpectationAMissIsAValidationError() throws Exception {
        LoadResult status = timed(engine, Specs.of(server.url("/status?code=500")).requests(10).expectStatus(200).build());
        assertThat(status.errors().get("validation")).isEqualTo(10);
        assertThat(status.statuses()).containsEntry("500", 10L);
        LoadResult body = timed(engine, Specs.of(server.url("/ok")).requests(10).expectBody("other".getBytes()).build());
        assertThat(body.errors().get("validation")).isEqualTo(10);
        LoadResult expected404 = timed(engine, Specs.of(server.url("/nothing")).requests(10).expectStatus(404).build());
        assertThat(expected404.ok()).isEqualTo(10);
    }

    @Test
    void aTimedOutConnectionIsReplaced() throws Exception {
        int before = server.accepted();
        LoadResult r = timed(engine, Specs.of(server.url("/stall")).connections(1).duration(900).timeout(200).build());
        assertThat(r.errors().get("timeout")).isBetween(2L, 5L);
        assertThat(server.accepted() - before).isGreaterThanOrEqualTo((int) r.errors().get("timeout").longValue());
    }

    @Test
    void theFirstBodyMismatchIsShownWithItsOffset() throws Exception {
        LoadResult r = timed(engine, Specs.of(server.url("/ok")).connections(2).requests(20).expectBody("hello there".getBytes()).build());
        assertThat(r.errors().get("validation")).isEqualTo(20);
        assertThat(r.firstMismatch())
                .isEqualTo("body differs from expected at offset 6: got \"hello world\\n\", expected \"hello there\" (12 bytes, expected 11)");
    }

    @Test
    void aShorterBodyIsShownEndingEarly() throws Exception {
        LoadResult r = timed(engine, Specs.of(server.url("/ok")).connections(1).requests(3).expectBody("hello world\nand more".getBytes()).build());
        assertThat(r.firstMismatch())
                .isEqualTo("body differs from expected at offset 12: got \"\" (the end), expected ...\"llo world\\nand more\" (12 bytes, expected 20)");
    }

    @Test
    void theFirstStatusMismatchIsShown() throws Exception {
        LoadResult r = timed(engine, Specs.of(server.url("/status?code=404")).connections(1).requests(3).expectStatus(200).build());
        assertThat(r.firstMismatch()).isEqualTo("status 404, expected 200");
    }

    @Test
    void matchingResponsesHaveNoMismatch() throws Exception {
        LoadResult r = timed(engine, Specs.of(server.url("/ok")).connections(1).requests(3).expectBody(FaultServer.HELLO).build());
        assertThat(r.ok()).isEqualTo(3);
        assertThat(r.firstMismatch()).isNull();
        assertThat(r.stoppedBecause()).isNull();
    }
}
