/**
 * Numbers about numbers: latency histograms (HdrHistogram, in microseconds) and their summaries, the
 * statistics that say how far a figure can be trusted across repeats, and the two detectors that end a warm-up
 * ({@link org.fwbench.stats.SteadyState} on a server's intervals, {@link org.fwbench.stats.CompilerQuiet} on its JIT).
 */
package org.fwbench.stats;
