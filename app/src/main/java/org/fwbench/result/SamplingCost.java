package org.fwbench.result;

/**
 * What taking a memory timeline cost fwbench, so a report can show it did not disturb the measurement.
 *
 * @param samples             reads taken, one per timeline point
 * @param cpuSeconds          CPU time of the sampler thread; null where the JVM cannot measure it
 * @param meanMicrosPerSample mean wall time of one read
 */
public record SamplingCost(long samples, Double cpuSeconds, double meanMicrosPerSample) {
}
