package org.fwbench.run;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fixed rate of each scenario's efficiency measurement: {@value #SHARE} of the slowest target's capacity
 * (its mean throughput in round 1). Every target then serves the same rate, well below what any of them can
 * do, so their CPU per request and latency are those of the same work and not of saturation.
 */
final class FixedRates {

    /** Half the slowest capacity: clear of saturation for every target, yet busy enough for CPU ticks to count. */
    static final double SHARE = 0.5;

    private FixedRates() {
    }

    /** Per scenario with at least one target measured in round 1 with a non-zero throughput, its rate. */
    static Map<String, Double> of(Collection<TargetRun> runs, List<RunPlan.PlannedScenario> scenarios) {
        Map<String, Double> rates = new LinkedHashMap<>();
        for (RunPlan.PlannedScenario s : scenarios) {
            // Only the closed model has a capacity to take half of; an open-model scenario already has its rate.
            if (s.load().rate() > 0) {
                continue;
            }
            runs.stream().filter(TargetRun::ok).map(r -> r.scenario(s.name()).throughputOfRound(1))
                    .filter(t -> t.length > 0)
                    .mapToDouble(t -> Arrays.stream(t).average().orElseThrow())
                    .filter(t -> t > 0)
                    .min()
                    .ifPresent(slowest -> rates.put(s.name(), SHARE * slowest));
        }
        return rates;
    }
}
