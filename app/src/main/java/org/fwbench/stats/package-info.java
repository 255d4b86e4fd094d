/**
 * Numbers about numbers: latency histograms (HdrHistogram, in microseconds) and their summaries, and
 * the statistics that say how far a figure can be trusted across repeats.
 */
package org.fwbench.stats;
