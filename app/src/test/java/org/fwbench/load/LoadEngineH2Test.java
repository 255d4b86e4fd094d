package org.fwbench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.fwbench.load.H2TestServer.Behaviour;
import org.fwbench.load.H2TestServer.Mode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** HTTP/2 and TLS against small Netty servers on loopback: every protocol, fault and load model. */
class LoadEngineH2Test {

    private static LoadEngine engine;

    /** The process's first run also trains the JIT (seconds): not inside a timed run. */
    @BeforeAll
    static void start() throws Exception {
        engine = new LoadEngine();
        try (H2TestServer server = new H2TestServer(Mode.H2C, Behaviour.PLAIN)) {
            engine.run(Specs.of(server.url("/")).requests(1).build(), p -> { });
            // the engine's one-time warm-ups of h2c, h2 and HTTP/1.1 over TLS (seconds each) here, not in a test that
            // times its run
            engine.run(h2(Specs.of(server.url("/")).requests(1), 1, 1).build(), p -> { });
        }
        try (H2TestServer server = new H2TestServer(Mode.H2, Behaviour.PLAIN)) {
            engine.run(h2(Specs.of(server.url("/")).requests(1), 1, 1).insecure(true).build(), p -> { });
        }
        try (H2TestServer server = new H2TestServer(Mode.HTTPS_1_1, Behaviour.PLAIN)) {
            engine.run(Specs.of(server.url("/")).requests(1).build().toBuilder().insecure(true).build(), p -> { });
        }
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    /** An HTTP/2 spec of {@code streams} streams on each of {@code connections} connections. */
    private static LoadSpec.Builder h2(Specs specs, int connections, int streams) {
        return specs.connections(connections).build().toBuilder().http(HttpVersion.HTTP_2).streams(streams);
    }

    private static LoadResult run(LoadSpec spec) throws InterruptedException {
        return LoadEngineFaultsTest.timed(engine, spec);
    }

    @Test
    void h2cCountsEveryResponseOnStreamsOfSharedConnections() throws Exception {
        try (H2TestServer server = new H2TestServer(Mode.H2C, Behaviour.PLAIN)) {
            LoadResult r = run(h2(Specs.of(server.url("/")).expectBody(H2TestServer.HELLO), 2, 4).build());

            assertThat(r.ok()).isPositive().isEqualTo(r.requests());
            assertThat(r.statuses()).containsOnlyKeys("200");
            assertThat(r.transport().protocol()).isEqualTo("h2c");
            assertThat(r.transport().tlsProvider()).isNull();
            assertThat(r.transport().connectMs().count()).isEqualTo(2);
            assertThat(r.plan().http()).isEqualTo("2");
            assertThat(r.plan().streams()).isEqualTo(4);
            assertThat(r.bytesRead()).isPositive();
            assertThat(server.connections()).isEqualTo(2);
        }
    }

    @Test
    void aRequestWithABodyGoesOutAsHeadersAndDataFrames() throws Exception {
        // the other tests send bodiless GETs, each a HEADERS frame of the engine's own; a body goes through Netty's encoder
        try (H2TestServer server = new H2TestServer(Mode.H2C, Behaviour.PLAIN)) {
            LoadResult r = run(h2(Specs.of(server.url("/")).method("POST").body("name=World").expectBody(H2TestServer.HELLO), 2, 4).build());

            assertThat(r.ok()).isPositive().isEqualTo(r.requests());
            assertThat(r.statuses()).containsOnlyKeys("200");
        }
    }

    @Test
    void aSelfSignedCertificateIsRefusedUnlessInsecure() throws Exception {
        try (H2TestServer server = new H2TestServer(Mode.H2, Behaviour.PLAIN)) {
            LoadSpec.Builder spec = h2(Specs.of(server.url("/")), 2, 4);
            assertThatThrownBy(() -> engine.run(spec.build(), p -> { })).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("TLS handshake with 127.0.0.1:").hasMessageContaining("--insecure");

            LoadResult r = run(spec.insecure(true).build());
            assertThat(r.ok()).isPositive().isEqualTo(r.requests());
            assertThat(r.transport().protocol()).isEqualTo("h2");
            assertThat(r.transport().tlsProvider()).isIn(Tls.OPENSSL, Tls.JDK);
            assertThat(r.transport().tlsVersion()).isEqualTo("TLSv1.3");
            assertThat(r.transport().tlsHandshakeMs().count()).isEqualTo(2);
        }
    }

    @Test
    void withoutH2ByAlpnTheRunFallsBackToHttp11OverTls() throws Exception {
        try (H2TestServer server = new H2TestServer(Mode.HTTPS_1_1, Behaviour.PLAIN)) {
            LoadResult r = run(h2(Specs.of(server.url("/")), 2, 4).insecure(true).build());

            assertThat(r.ok()).isPositive().isEqualTo(r.requests());
            assertThat(r.transport().protocol()).isEqualTo("http/1.1");
            assertThat(r.plan().http()).isEqualTo("2");
        }
    }

    @Test
    void httpsOverHttp11WithAndWithoutSessionResumption() throws Exception {
        try (H2TestServer server = new H2TestServer(Mode.HTTPS_1_1, Behaviour.PLAIN)) {
            for (boolean resume : new boolean[] {true, false}) {
                LoadResult r = run(Specs.of(server.url("/")).connections(2).noKeepAlive().build().toBuilder()
                        .insecure(true).tlsResume(resume).build());
                assertThat(r.ok()).as("resume " + resume).isPositive().isEqualTo(r.requests());
                assertThat(r.transport().protocol()).isEqualTo("http/1.1");
                assertThat(r.transport().tlsHandshakeMs().count()).isGreaterThanOrEqualTo(r.ok());
            }
        }
    }

    @Test
    void streamResetsAreAnErrorKindOfTheirOwn() throws Exception {
        try (H2TestServer server = new H2TestServer(Mode.H2C, Behaviour.PLAIN.withResetEvery(5))) {
            LoadResult r = run(h2(Specs.of(server.url("/")), 2, 4).build());

            assertThat(r.ok()).isPositive();
            assertThat(r.errors().get("stream_reset")).as(r.errors().toString()).isPositive().isEqualTo(r.failed());
        }
    }

    @Test
    void afterAGoAwayTheRunGoesOnOnNewConnectionsWithoutErrors() throws Exception {
        try (H2TestServer server = new H2TestServer(Mode.H2C, Behaviour.PLAIN.withGoAwayAfter(40))) {
            LoadResult r = run(h2(Specs.of(server.url("/")), 2, 4).build());

            assertThat(r.ok()).isGreaterThan(200);
            assertThat(r.failed()).isZero();
            assertThat(server.connections()).isGreaterThan(4);
        }
    }

    @Test
    void aServerLimitOnConcurrentStreamsBelowTheStreamsAskedForIsKept() throws Exception {
        try (H2TestServer server = new H2TestServer(Mode.H2C, Behaviour.PLAIN.withMaxStreams(2).withDelay(2))) {
            LoadResult r = run(h2(Specs.of(server.url("/")), 1, 8).build());

            assertThat(r.ok()).isPositive();
            assertThat(r.failed()).isZero();
            assertThat(server.mostInFlight()).isEqualTo(2);
        }
    }

    @Test
    void aServerThatNeverAnswersTimesOutAndTheRunEndsOnTime() throws Exception {
        try (H2TestServer server = new H2TestServer(Mode.H2C, Behaviour.PLAIN.silenced())) {
            LoadResult r = run(h2(Specs.of(server.url("/")).timeout(200), 2, 4).build());

            assertThat(r.ok()).isZero();
            assertThat(r.errors().get("timeout")).isPositive().isEqualTo(r.failed());
        }
    }

    @Test
    void theOpenModelAndAFixedCountWorkOverHttp2() throws Exception {
        try (H2TestServer server = new H2TestServer(Mode.H2, Behaviour.PLAIN.withDelay(1))) {
            LoadResult open = run(h2(Specs.of(server.url("/")).rate(400).duration(500), 2, 4).insecure(true).build());
            assertThat(open.model()).isEqualTo("open");
            assertThat(open.ok()).isPositive().isLessThanOrEqualTo(201); // never more than the schedule
            assertThat(open.failed()).isZero();
            assertThat(open.serviceTimeMs()).isNotNull();
            assertThat(open.transport().protocol()).isEqualTo("h2");

            LoadResult counted = run(h2(Specs.of(server.url("/")).requests(300), 2, 4).insecure(true).build());
            assertThat(counted.requests()).isEqualTo(300);
            assertThat(counted.ok()).isEqualTo(300);
        }
    }
}
