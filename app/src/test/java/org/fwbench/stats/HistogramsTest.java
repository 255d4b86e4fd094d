package org.fwbench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class HistogramsTest {

    @Test
    void mergedRunsGivePercentilesOfAllValuesNotAveragesOfPercentiles() {
        Histogram fast = Histograms.newMicros();
        Histogram slow = Histograms.newMicros();
        for (int i = 0; i < 99; i++) {
            fast.recordValue(1_000);
        }
        slow.recordValue(500_000);
        Histogram merged = Histograms.merge(List.of(Histograms.encode(fast), Histograms.encode(slow)));
        assertThat(merged.getTotalCount()).isEqualTo(100);
        assertThat(merged.getValueAtPercentile(99)).isBetween(999L, 1001L);
        assertThat(merged.getMaxValue()).isBetween(499_500L, 500_500L);
        LatencySummary s = LatencySummary.ofMicros(merged);
        assertThat(s.p50()).isBetween(0.999, 1.001);
        assertThat(s.max()).isBetween(499.5, 500.5);
    }

    @Test
    void garbageIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> Histograms.decode("not base64!")).hasMessageStartingWith("not an encoded latency histogram");
    }
}
