package org.fwbench.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.fwbench.result.Measurement;
import org.fwbench.result.MemoryReading;
import org.fwbench.run.SampleRuns;
import org.junit.jupiter.api.Test;

class TimelinesTest {

    private static final long MIB = SampleRuns.MIB;

    @Test
    void thePeakIsTheHighestOfEveryReadingSoNeverBelowAfter() {
        // helidon plaintext once read 105.6 MiB at its timeline's peak and 120.9 after the settle.
        MemoryReading before = SampleRuns.memory(90 * MIB, true);
        List<MemoryReading> timeline = List.of(SampleRuns.memory(100 * MIB, true), SampleRuns.memory(105 * MIB, true));
        MemoryReading end = SampleRuns.memory(104 * MIB, true);
        MemoryReading after = SampleRuns.memory(121 * MIB, true);

        Measurement.Peak peak = Timelines.peak(before, timeline, end, after);

        assertThat(peak.rssBytes()).isEqualTo(121 * MIB);
        assertThat(peak.pssBytes()).isEqualTo(after.pssBytes());
        assertThat(peak.ussBytes()).isEqualTo(after.ussBytes());
    }

    @Test
    void aPeakDuringTheLoadStaysThePeak() {
        MemoryReading low = SampleRuns.memory(80 * MIB, true);
        Measurement.Peak peak = Timelines.peak(low, List.of(SampleRuns.memory(130 * MIB, true)), low, low);
        assertThat(peak.rssBytes()).isEqualTo(130 * MIB);
    }

    @Test
    void anUnknownPssStaysUnknown() {
        MemoryReading noPss = SampleRuns.memory(80 * MIB, false);
        assertThat(Timelines.peak(noPss, List.of(), noPss, noPss).pssBytes()).isNull();
    }
}
