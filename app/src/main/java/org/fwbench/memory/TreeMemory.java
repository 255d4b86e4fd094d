package org.fwbench.memory;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * A process tree's memory and CPU time at one moment: sums over its processes. A sum is null when
 * any process lacks the value, since a partial sum would read as a real, smaller figure. The peak
 * is the sum of each process's own peak, an upper bound, as the processes need not have peaked
 * together.
 *
 * @param epochMillis when it was read
 * @param processes   the breakdown; empty on sampler timeline points, see {@link MemorySampler}
 */
public record TreeMemory(long epochMillis, long rssBytes, long vmsBytes, Long ussBytes, Long pssBytes,
                         Long swapBytes, long peakRssBytes, int threads, double cpuSeconds,
                         List<ProcessMemory> processes) {

    public TreeMemory {
        processes = List.copyOf(processes);
    }

    /** The sums over these processes, stamped now. */
    public static TreeMemory of(List<ProcessMemory> processes) {
        return new TreeMemory(System.currentTimeMillis(),
                sum(processes, ProcessMemory::rssBytes),
                sum(processes, ProcessMemory::vmsBytes),
                sumOrNull(processes, ProcessMemory::ussBytes),
                sumOrNull(processes, ProcessMemory::pssBytes),
                sumOrNull(processes, ProcessMemory::swapBytes),
                sum(processes, ProcessMemory::peakRssBytes),
                processes.stream().mapToInt(ProcessMemory::threads).sum(),
                processes.stream().mapToDouble(ProcessMemory::cpuSeconds).sum(),
                processes);
    }

    /** The same totals without the per-process breakdown. */
    public TreeMemory withoutProcesses() {
        return new TreeMemory(epochMillis, rssBytes, vmsBytes, ussBytes, pssBytes, swapBytes, peakRssBytes,
                threads, cpuSeconds, List.of());
    }

    private static long sum(List<ProcessMemory> processes, ToLongFunction<ProcessMemory> field) {
        return processes.stream().mapToLong(field).sum();
    }

    private static Long sumOrNull(List<ProcessMemory> processes, Function<ProcessMemory, Long> field) {
        long total = 0;
        for (ProcessMemory p : processes) {
            Long value = field.apply(p);
            if (value == null) {
                return null;
            }
            total += value;
        }
        return total;
    }
}
