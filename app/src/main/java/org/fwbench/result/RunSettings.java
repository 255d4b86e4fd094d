package org.fwbench.result;

import java.util.List;

/**
 * How the run was done, beyond each scenario's load settings.
 *
 * @param mode     {@code standard}, or one of the seed experiments ({@code seed-compare}, {@code ramp}, {@code ab})
 * @param repeats  measurements of each target x scenario
 * @param restart  whether each repeat had a freshly started target
 * @param phases   loads per measurement, with memory read after each (leak check when > 1)
 * @param together whether all targets ran at once (the seed's setup) instead of one at a time
 * @param measurementsPerStart measurements of each scenario on each start of a target
 * @param seed     the seed the order of rounds 2, 3, ... was shuffled with ({@code run --seed} repeats it)
 * @param rounds   the order the targets were visited in, one list per round; round 1 is the suite's order
 * @param quick    a {@code --quick} run: one start per target and short loads, a first look that is less certain
 */
public record RunSettings(String mode, int repeats, boolean restart, int phases, boolean together,
        int measurementsPerStart, long seed, List<List<String>> rounds, boolean quick) {

    public RunSettings {
        rounds = rounds.stream().map(List::copyOf).toList();
    }
}
