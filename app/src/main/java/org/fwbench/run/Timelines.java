package org.fwbench.run;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.fwbench.memory.TreeMemory;
import org.fwbench.result.Measurement;

/** Memory timelines as the results keep them: light points, and their peaks. */
final class Timelines {

    private Timelines() {
    }

    static List<Measurement.MemoryPoint> points(List<TreeMemory> samples, long loadStartMillis) {
        return samples.stream()
                .map(m -> new Measurement.MemoryPoint((m.epochMillis() - loadStartMillis) / 1000.0, m.rssBytes(),
                        m.pssBytes(), m.ussBytes(), m.cpuSeconds()))
                .toList();
    }

    /** The highest readings over the timeline and the reading taken when the load ended. */
    static Measurement.Peak peak(List<TreeMemory> samples, TreeMemory end) {
        List<TreeMemory> all = new ArrayList<>(samples);
        all.add(end);
        return new Measurement.Peak(
                all.stream().mapToLong(TreeMemory::rssBytes).max().orElse(0),
                max(all, TreeMemory::pssBytes),
                max(all, TreeMemory::ussBytes));
    }

    /** The largest known value, or null when no sample knew it. */
    private static Long max(List<TreeMemory> all, Function<TreeMemory, Long> field) {
        return all.stream().map(field).filter(v -> v != null).max(Long::compare).orElse(null);
    }
}
