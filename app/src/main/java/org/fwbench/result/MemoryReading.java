package org.fwbench.result;

import java.util.List;

/**
 * A target's process tree's memory and CPU time at one moment, as the results keep it: sums over its
 * processes. A sum is null when any process lacked the value, since a partial sum would read as a real,
 * smaller figure.
 *
 * @param epochMillis when it was read
 * @param processes   the breakdown; empty on timeline points
 */
public record MemoryReading(long epochMillis, long rssBytes, long vmsBytes, Long ussBytes, Long pssBytes,
        Long swapBytes, long peakRssBytes, int threads, double cpuSeconds, List<Process> processes) {

    public MemoryReading {
        processes = List.copyOf(processes);
    }

    /** The figure memory is followed by under {@code basis}: PSS or RSS; null when PSS is unknown. */
    public Long bytes(MemoryBasis basis) {
        return basis.of(pssBytes, rssBytes);
    }

    /**
     * One process's memory and CPU time; a value the system could not provide is null, never 0.
     *
     * @param command its command line, or its name in brackets when it has none
     */
    public record Process(long pid, String command, long rssBytes, long vmsBytes, Long ussBytes, Long pssBytes,
            Long swapBytes, long peakRssBytes, int threads, double cpuSeconds) {
    }
}
