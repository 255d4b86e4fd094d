package org.fwbench.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.fwbench.result.Measurement;
import org.fwbench.result.MemoryReading;

/** Memory timelines as the results keep them: light points, and their peaks. */
public final class Timelines {

    private Timelines() {
    }

    public static List<Measurement.MemoryPoint> points(List<MemoryReading> samples, long loadStartMillis) {
        return samples.stream()
                .map(m -> new Measurement.MemoryPoint((m.epochMillis() - loadStartMillis) / 1000.0, m.rssBytes(),
                        m.pssBytes(), m.ussBytes(), m.cpuSeconds()))
                .toList();
    }

    /** The highest readings over the timeline and the reading taken when the load ended. */
    public static Measurement.Peak peak(List<MemoryReading> samples, MemoryReading end) {
        List<MemoryReading> all = new ArrayList<>(samples);
        all.add(end);
        return new Measurement.Peak(
                all.stream().mapToLong(MemoryReading::rssBytes).max().orElse(0),
                max(all, MemoryReading::pssBytes),
                max(all, MemoryReading::ussBytes));
    }

    /** The largest known value, or null when no sample knew it. */
    private static Long max(List<MemoryReading> all, Function<MemoryReading, Long> field) {
        return all.stream().map(field).filter(Objects::nonNull).max(Long::compare).orElse(null);
    }
}
