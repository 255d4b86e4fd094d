package org.fwbench.result;

import java.util.List;
import org.fwbench.stats.RatioTest;

/**
 * Targets ranked for one scenario and one metric. Targets that the measurements cannot tell apart
 * share a rank and are marked tied.
 *
 * @param metric         e.g. {@code throughput}, {@code p99Ms}, {@code memoryAfterBytes}
 * @param higherIsBetter true for throughput, false for latency, memory and CPU
 */
public record ScenarioRanking(String scenario, String metric, boolean higherIsBetter, List<Rank> ranks) {

    public ScenarioRanking {
        ranks = List.copyOf(ranks);
    }

    /**
     * @param vsNext this target against the next one in the ranking (ratio of means with its
     *               interval); null for the last
     */
    public record Rank(String target, int rank, boolean tied, double median, RatioTest vsNext) {
    }
}
