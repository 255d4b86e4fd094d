/**
 * The runner: turns a run plan (targets, scenarios with their load settings, the mode's repeats) into
 * results. It starts each target, checks its answers, and measures every scenario with the load engine
 * while sampling the target's memory; it converts what they measured into the records of
 * {@code org.fwbench.result} and leaves summaries and rankings to {@code org.fwbench.analysis}. It never prints.
 */
package org.fwbench.run;
