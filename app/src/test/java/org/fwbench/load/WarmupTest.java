package org.fwbench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The engine's self-warm-up: it runs its hot paths against its own loopback server, within its budget, and leaves the target alone. */
class WarmupTest {

    @Test
    void eachPathRunsAgainstTheLoopbackServerWithinTheBudget() {
        try (LoadEngine engine = new LoadEngine()) {
            Warmup.Report r = engine.warmUp(Warmup.RUN);
            assertThat(r.newConnections().ok()).as("new-connection requests").isPositive()
                    .isLessThanOrEqualTo(Warmup.RUN.maxNewConnections());
            assertThat(r.keepAlive().ok()).as("keep-alive requests").isPositive()
                    .isLessThanOrEqualTo(Warmup.RUN.maxKeepAlive());
            // and a keep-alive run bounded by time alone, as a measured run usually is
            assertThat(r.timedClosed().ok()).as("requests of the run bounded by time").isPositive();
            assertThat(r.timedClosed().plan().requests()).isNull();
            assertThat(r.timedClosed().plan().durationMillis()).isEqualTo(Warmup.TIMED_KEEP_ALIVE.toMillis());
            // and one at a fixed rate, the path of a suite's fixed-rate loads
            assertThat(r.timedOpen().ok()).as("requests of the fixed-rate run").isPositive();
            assertThat(r.timedOpen().plan().model()).isEqualTo("open");
            assertThat(r.timedOpen().plan().rate()).isEqualTo(Warmup.OPEN_RATE);
            assertThat(r.timedOpen().plan().durationMillis()).isEqualTo(Warmup.TIMED_KEEP_ALIVE.toMillis());
            assertThat(r.timedClosed().plan().model()).isEqualTo("closed");
            assertThat(r.newConnections().failed() + r.keepAlive().failed() + r.timedClosed().failed()
                    + r.timedOpen().failed()).isZero();
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
            Warmup.Passes r = engine.warmUpInPasses(HttpVersion.HTTP_2, false, budget);
            assertThat(r.last().ok()).as("HTTP/2 requests of the last pass").isPositive();
            assertThat(r.last().failed()).isZero();
            assertThat(r.last().durationSeconds()).isLessThanOrEqualTo(Warmup.PASS_MILLIS / 1e3);
            // steady means a pass agreed with the one before it
            assertThat(r.passes()).isGreaterThanOrEqualTo(r.steady() ? 2 : 1);
        }
    }

    @Test
    void theTlsPhaseSpeaksHttp11OverTls() {
        Warmup.Budget budget = new Warmup.Budget(Duration.ZERO, 0, Duration.ZERO, 0, Duration.ofSeconds(2), Duration.ofSeconds(1));
        try (LoadEngine engine = new LoadEngine()) {
            Warmup.Passes r = engine.warmUpInPasses(HttpVersion.HTTP_1_1, true, budget);
            assertThat(r.last().ok()).as("HTTP/1.1 requests of the last pass").isPositive();
            assertThat(r.last().failed()).isZero();
            assertThat(r.last().transport().protocol()).isEqualTo("http/1.1");
            assertThat(r.last().transport().tlsVersion()).isNotNull();
        }
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
