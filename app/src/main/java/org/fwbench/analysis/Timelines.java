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

    /**
     * The highest of every reading a repeat took: right before the load, the timeline during it, at its end and
     * after the settle. A memory figure keeps growing a little after the load (late allocations, a GC that
     * expands the heap), so a peak of the timeline alone could read below "after"; a peak is never below any
     * reading shown beside it.
     */
    public static Measurement.Peak peak(MemoryReading before, List<MemoryReading> timeline, MemoryReading end,
            MemoryReading after) {
        List<MemoryReading> all = new ArrayList<>(timeline);
        all.add(before);
        all.add(end);
        all.add(after);
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
