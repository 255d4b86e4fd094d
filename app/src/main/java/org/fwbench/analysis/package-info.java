/**
 * What the results mean: summaries over repeats, rankings, leak verdicts, memory timelines, chart data,
 * run-to-run differences ({@code compare}), {@code --fail-if} thresholds and each scenario's verdict (the
 * one-line answer and at most one note per target that every renderer shows), all judged by the one list of
 * metrics in {@link org.fwbench.analysis.Metric}. It reads and builds only the records of
 * {@code org.fwbench.result}, and prints nothing.
 */
package org.fwbench.analysis;
