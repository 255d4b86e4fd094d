/**
 * Run-to-run comparison: how each metric of each target x scenario moved between two saved results, with
 * its 95% interval, and which moves are significant regressions or improvements. Pure logic on results;
 * rendering lives in {@code org.fwbench.report}.
 */
package org.fwbench.compare;
