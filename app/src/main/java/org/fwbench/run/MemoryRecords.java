package org.fwbench.run;

import java.util.List;
import org.fwbench.memory.ProcessMemory;
import org.fwbench.memory.SamplerOverhead;
import org.fwbench.memory.TreeMemory;
import org.fwbench.result.MemoryReading;
import org.fwbench.result.SamplingCost;

/** The memory sampler's readings as the results keep them: the same figures under the same names. */
final class MemoryRecords {

    private MemoryRecords() {
    }

    /** Null for null: a target that died has no reading after its load. */
    static MemoryReading of(TreeMemory m) {
        if (m == null) {
            return null;
        }
        return new MemoryReading(m.epochMillis(), m.rssBytes(), m.vmsBytes(), m.ussBytes(), m.pssBytes(),
                m.swapBytes(), m.peakRssBytes(), m.threads(), m.cpuSeconds(),
                m.processes().stream().map(MemoryRecords::of).toList());
    }

    static List<MemoryReading> of(List<TreeMemory> readings) {
        return readings.stream().map(MemoryRecords::of).toList();
    }

    static SamplingCost of(SamplerOverhead o) {
        return new SamplingCost(o.samples(), o.cpuSeconds(), o.meanMicrosPerSample());
    }

    private static MemoryReading.Process of(ProcessMemory p) {
        return new MemoryReading.Process(p.pid(), p.command(), p.rssBytes(), p.vmsBytes(), p.ussBytes(),
                p.pssBytes(), p.swapBytes(), p.peakRssBytes(), p.threads(), p.cpuSeconds());
    }
}
