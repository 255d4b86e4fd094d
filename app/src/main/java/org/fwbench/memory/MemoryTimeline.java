package org.fwbench.memory;

import java.util.List;

/**
 * A process tree's memory and CPU sampled over time on its own machine ({@code fwbench sample}), to be joined
 * by wall-clock time to load results measured elsewhere. Samples carry totals only (see {@link MemorySampler}).
 *
 * @param pid            the root of the sampled tree
 * @param command        its command line, or null when the system does not say
 * @param intervalMillis the time between samples
 * @param samples        oldest first
 */
public record MemoryTimeline(long pid, String command, long intervalMillis, List<TreeMemory> samples) {

    public MemoryTimeline {
        samples = List.copyOf(samples);
    }

    /** The samples taken from {@code startMillis} to {@code endMillis} (epoch milliseconds, both included). */
    public MemoryTimeline within(long startMillis, long endMillis) {
        return new MemoryTimeline(pid, command, intervalMillis, samples.stream()
                .filter(s -> s.epochMillis() >= startMillis && s.epochMillis() <= endMillis).toList());
    }

    /** CPU seconds the tree used from the first sample to the last; 0 with fewer than two. */
    public double cpuSeconds() {
        return samples.size() < 2 ? 0 : samples.getLast().cpuSeconds() - samples.getFirst().cpuSeconds();
    }
}
