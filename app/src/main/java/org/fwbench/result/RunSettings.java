package org.fwbench.result;

/**
 * How the run was done, beyond each scenario's load settings.
 *
 * @param mode     {@code standard}, or one of the seed experiments ({@code seed-compare}, {@code ramp}, {@code ab})
 * @param repeats  measurements of each target x scenario
 * @param restart  whether each repeat had a freshly started target
 * @param phases   loads per measurement, with memory read after each (leak check when > 1)
 * @param together whether all targets ran at once (the seed's setup) instead of one at a time
 */
public record RunSettings(String mode, int repeats, boolean restart, int phases, boolean together) {
}
