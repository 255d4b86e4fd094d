package org.fwbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.HdrHistogram.Histogram;
import org.fwbench.load.Progress;
import org.fwbench.stats.Histograms;
import org.junit.jupiter.api.Test;

class LiveLineTest {

    @Test
    void showsElapsedRequestsRateErrorsAndTheLastSecondsP99() {
        assertThat(LiveLine.format(new Progress(3.0, false, 152_310, 12, 50_770.4, 10), 3.2, 8.31))
                .isEqualTo("           3.2s  152,310 requests  50,770 req/s  12 errors  p99 8.31 ms");
        assertThat(LiveLine.format(new Progress(1.0, true, 900, 0, 900, 10), 1.0, Double.NaN))
                .isEqualTo("warm-up    1.0s  900 requests  900 req/s  0 errors  p99 -");
    }

    @Test
    void drawsInPlaceWithTheP99OfTheLastIntervalAndClearsTheLineWhenClosed() {
        StringWriter out = new StringWriter();
        try (LiveLine live = new LiveLine(new PrintWriter(out))) {
            Histogram h = Histograms.newMicros();
            for (int i = 1; i <= 100; i++) {
                h.recordValue(i * 100L); // 0.1 .. 10 ms: the p99 is 9.9 ms
            }
            live.progress(new Progress(1.0, false, 100, 0, 100, 2));
            live.interval(h);
            live.draw();
        }
        assertThat(out.toString()).startsWith("\r\033[K").contains("100 requests", "p99 9.90 ms").endsWith("\r\033[K");
        assertThat(out.toString()).doesNotContain("\n");
    }

    @Test
    void saysWhileTheEngineWarmsItselfUpAndClearsTheLineWhenItIsWarm() {
        StringWriter out = new StringWriter();
        try (LiveLine live = new LiveLine(new PrintWriter(out))) {
            live.preparing();
            live.draw();
            assertThat(out.toString()).startsWith("\r\033[Kwarming up the load engine ").contains("s  (its JIT compiles");
            live.prepared();
            int cleared = out.toString().length();
            live.draw(); // no report yet: nothing to draw
            assertThat(out.toString()).hasSize(cleared).endsWith("\r\033[K");
        }
    }
}
