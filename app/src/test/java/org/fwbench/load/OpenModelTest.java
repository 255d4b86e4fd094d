package org.fwbench.load;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The open model: a constant arrival rate, with latency counted from each request's scheduled start, so a
 * server stall shows in the percentiles instead of being hidden by a client that waits politely.
 */
class OpenModelTest {

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

    @Test
    void aStallOnceASecondShowsInTheOpenModelButHidesInTheClosedOne() throws Exception {
        LoadResult open = engine.run(Specs.of(server.url("/pause-every-second?ms=200")).rate(500).connections(50)
                .duration(3000).build(), p -> { });
        LoadResult closed = engine.run(Specs.of(server.url("/pause-every-second?ms=200")).connections(10)
                .duration(3000).build(), p -> { });

        assertThat(open.model()).isEqualTo("open");
        assertThat(open.failed()).isZero();
        assertThat(open.latencyMs().p99()).as("open p99").isGreaterThanOrEqualTo(100);
        assertThat(open.serviceTimeMs()).isNotNull();
        assertThat(open.waitMs()).isNotNull();
        assertThat(open.serviceTimeMs().count()).isEqualTo(open.ok());
        assertThat(closed.latencyMs().p50()).as("closed p50").isLessThan(20);
        assertThat(closed.serviceTimeMs()).isNull();
    }

    @Test
    void theAchievedRateIsTheRequestedRate() throws Exception {
        LoadResult r = engine.run(Specs.of(server.url("/ok")).rate(1000).connections(20).warmup(500).duration(3000).build(),
                p -> { });
        assertThat(r.failed()).isZero();
        assertThat(r.requestsPerSecond()).isCloseTo(1000, org.assertj.core.data.Percentage.withPercentage(2));
    }

    @Test
    void connectionsWhoseSynTheServerDroppedAreMadeAgainAndServe() throws Exception {
        // 16 connections made at once to an accept queue of 1: most SYNs are dropped and sent again a second later.
        // No latency is asserted here: a connection whose SYN got into the full queue can lose its final ACK there,
        // and then looks up to the client, which sends on it, while the server waits to send its SYN-ACK again; how
        // many do depends on the machine's timing (four of 400 requests waited over a second once in CI). The test
        // below holds connections back where the client can see it.
        try (FaultServer shortQueue = new FaultServer(1)) {
            LoadResult r = engine.run(Specs.of(shortQueue.url("/ok")).rate(200).connections(16).duration(2000).build(),
                    p -> { });
            assertThat(r.transport().connectMs().max()).as("a connection made after its SYN was sent again")
                    .isGreaterThan(900);
            assertThat(r.ok()).isEqualTo(400);
        }
    }

    @Test
    void anArrivalGoesToAConnectionThatIsUpNotToOneStillBeingMade() throws Exception {
        // The server lets in the engine's probe of the protocol and the first of the run's 16 connections, made at
        // once, and holds the other 15 in their TLS handshake for a second; the one serves 200 requests a second with
        // room to spare. Arrivals sent in turn whatever their connection's state waited that second (p99 1,032 ms),
        // and so did those of the engine's loop that had no connection up (with two loops, half: p99 998-1,013 ms).
        try (H2TestServer held = new H2TestServer(H2TestServer.Mode.HTTPS_1_1,
                H2TestServer.Behaviour.PLAIN.withPromptHandshakes(2))) {
            LoadResult r = engine.run(Specs.of(held.url("/")).rate(200).connections(16).duration(2000).build()
                    .toBuilder().insecure(true).build(), p -> { });
            // a little under the hold: the histogram keeps three significant digits
            assertThat(r.transport().tlsHandshakeMs().max()).as("a handshake the server held")
                    .isGreaterThan(H2TestServer.HANDSHAKE_HOLD_MILLIS * 0.9);
            assertThat(r.ok()).isEqualTo(400);
            assertThat(r.latencyMs().p99()).isLessThan(H2TestServer.HANDSHAKE_HOLD_MILLIS / 2.0);
        }
    }

    @Test
    void fewConnectionsMakeRequestsWaitAndTheWaitIsReportedApart() throws Exception {
        LoadResult r = engine.run(Specs.of(server.url("/delay?ms=20")).rate(200).connections(2).duration(1200)
                .timeout(250).build(), p -> { });
        // 2 connections serve at most 100 requests a second: the backlog grows by 100 a second, and from
        // about 0.5 s on its oldest arrivals have waited longer than the timeout
        assertThat(r.waitMs().max()).isGreaterThan(100);
        assertThat(r.errors().get("timeout")).isPositive();
        assertThat(r.latencyMs().p99()).isGreaterThan(r.serviceTimeMs().p99());
    }

    @Test
    void aFixedCountWorksWithTheOpenModel() throws Exception {
        LoadResult r = engine.run(Specs.of(server.url("/ok")).rate(2000).connections(4).requests(300).build(), p -> { });
        assertThat(r.requests()).isEqualTo(300);
        assertThat(r.ok()).isEqualTo(300);
        // 300 arrivals at 2000/s take about 150 ms
        assertThat(r.durationSeconds()).isBetween(0.1, 2.0);
    }

    @Test
    void poissonArrivalsAreAllServedAndTheResultSaysHowTheyWereSpaced() throws Exception {
        LoadResult r = engine.run(Specs.of(server.url("/ok")).rate(2000).connections(20).requests(400)
                .arrivals(LoadModel.Arrivals.POISSON).build(), p -> { });
        assertThat(r.requests()).isEqualTo(400);
        assertThat(r.ok()).isEqualTo(400);
        assertThat(r.plan().arrivals()).isEqualTo("poisson");
        assertThat(r.plan().model()).isEqualTo("open");
    }
}
