package org.fwbench.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Ranks for one metric across targets, best first. Targets that cannot be told apart share a rank.
 *
 * <p>The rule: targets are sorted by median (best first; equal medians by name). The first target opens a group.
 * Each next target joins the current group, and takes its rank, when it cannot be told apart from the group's
 * first (best) target: {@link #compare} is not {@linkplain RatioTest#significant() significant}. Otherwise it opens
 * a new group whose rank is its position (competition ranking: "1, 1, 3"). Comparing with the group's best rather
 * than with the neighbour keeps a chain of small steps from tying targets that are clearly apart. With one repeat
 * per target nothing is significant, so everything shares rank 1. Overlapping confidence intervals are not a tie
 * by themselves: two back-to-back runs kept the order of as many pairs, or more, without that rule while tying far
 * fewer (docs/statistics.md, "Ranks and ties").
 *
 * <p>Comparisons draw on the {@link SharedSpread} of all the targets ranked together, not on each pair's
 * own three or so samples alone (see there why).
 */
public record Ranking(List<Entry> entries, SharedSpread shared) {

    /**
     * @param rank  1 for the best; targets that share a rank have the same number
     * @param tied  true when another entry has the same rank
     */
    public record Entry(String name, int rank, boolean tied, Estimate estimate) {
    }

    public Ranking {
        entries = List.copyOf(entries);
    }

    /**
     * @throws IllegalArgumentException when a target has no samples, or samples that {@link RatioTest} rejects
     */
    public static Ranking of(Map<String, double[]> samplesByName, boolean higherIsBetter) {
        SharedSpread shared = SharedSpread.of(samplesByName.values());
        Comparator<Target> byMedian = Comparator.comparingDouble(t -> t.estimate().median());
        List<Target> sorted = samplesByName.entrySet().stream()
                .map(e -> new Target(e.getKey(), e.getValue(), Estimate.of(e.getValue())))
                .sorted((higherIsBetter ? byMedian.reversed() : byMedian).thenComparing(Target::name))
                .toList();
        int[] ranks = new int[sorted.size()];
        Target groupBest = null;
        for (int i = 0; i < sorted.size(); i++) {
            Target t = sorted.get(i);
            if (groupBest != null && !RatioTest.of(t.samples(), groupBest.samples(), shared).significant()) {
                ranks[i] = ranks[i - 1];
            } else {
                groupBest = t;
                ranks[i] = i + 1;
            }
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            boolean tied = i > 0 && ranks[i - 1] == ranks[i] || i + 1 < ranks.length && ranks[i + 1] == ranks[i];
            entries.add(new Entry(sorted.get(i).name(), ranks[i], tied, sorted.get(i).estimate()));
        }
        return new Ranking(entries, shared);
    }

    /** A with B as the ranking compares them: "A is 1.8x (1.6-2.0) B". */
    public RatioTest compare(double[] a, double[] b) {
        return RatioTest.of(a, b, shared);
    }

    public Optional<Entry> entry(String name) {
        return entries.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    private record Target(String name, double[] samples, Estimate estimate) {
    }
}
