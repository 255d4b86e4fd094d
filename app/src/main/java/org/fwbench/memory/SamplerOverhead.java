package org.fwbench.memory;

/**
 * What sampling cost, so a report can show it did not disturb the measurement.
 *
 * @param samples             reads taken, one per timeline point
 * @param cpuSeconds          CPU time of the sampler thread; null where the JVM cannot measure it
 * @param meanMicrosPerSample mean wall time of one read
 */
public record SamplerOverhead(long samples, Double cpuSeconds, double meanMicrosPerSample) {
}
