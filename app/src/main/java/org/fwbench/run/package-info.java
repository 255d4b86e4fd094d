/**
 * The runner: turns a run plan (targets, scenarios with their load settings, the mode's repeats) into
 * results. It starts each target, checks its answers, and measures every scenario with the load engine
 * while sampling the target's memory; what it finds goes into the immutable records of
 * {@code org.fwbench.result}, which it never prints.
 */
package org.fwbench.run;
