/**
 * What the results mean: summaries over repeats, rankings, leak verdicts, memory timelines, chart data,
 * run-to-run differences ({@code compare}) and {@code --fail-if} thresholds, all judged by the one list of
 * metrics in {@link org.fwbench.analysis.Metric}. It reads and builds only the records of
 * {@code org.fwbench.result}, and prints nothing.
 */
package org.fwbench.analysis;
