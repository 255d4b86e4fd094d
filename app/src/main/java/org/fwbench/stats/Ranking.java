package org.fwbench.stats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Ranks for one metric across targets, best first. Targets that cannot be told apart share a rank.
 *
 * <p>The rule: targets are sorted by median (best first; equal medians by name). The first target opens a group.
 * Each next target joins the current group, and takes its rank, when it cannot be told apart from any member of the
 * group: {@link #compare} with each is not {@linkplain RatioTest#significant() significant}. Otherwise it opens a new
 * group whose rank is its position (competition ranking: "1, 1, 3"). So every two targets that share a rank cannot
 * be told apart: neither a chain of small steps nor a group's first target whose starts disagree widely (one start
 * at half speed) ties two targets that are clearly apart. With one repeat per target nothing is significant, so
 * everything shares rank 1. Overlapping confidence intervals are not a tie by themselves: two back-to-back runs
 * kept the order of as many pairs, or more, without that rule while tying far fewer (docs/statistics.md, "Ranks
 * and ties").
 *
 * <p>Comparisons draw on the {@link SharedSpread} of all the targets ranked together, not on each pair's
 * own three or so samples alone (see there why), and, given the round of each sample, are made with the
 * {@link RoundEffects} taken out: what the whole machine did in a round is no difference between targets.
 *
 * @param shared   the spread the comparisons drew on
 * @param compared the samples as compared, by target: with the rounds' effects taken out when there were any
 */
public record Ranking(List<Entry> entries, SharedSpread shared, Map<String, double[]> compared) {

    /**
     * @param rank  1 for the best; targets that share a rank have the same number
     * @param tied  true when another entry has the same rank
     */
    public record Entry(String name, int rank, boolean tied, Estimate estimate) {
    }

    public Ranking {
        entries = List.copyOf(entries);
        compared = Map.copyOf(compared);
    }

    /**
     * Ranks samples as {@code compared} (with the rounds' effects taken out, see {@link Compared#of}), drawing on a
     * spread {@code shared} fitted with other rankings' (see {@link SharedSpread#of(List)}). The order and each
     * entry's estimate are those of the samples as measured.
     *
     * @throws IllegalArgumentException when a target has no samples, or samples that {@link RatioTest} rejects
     */
    public static Ranking of(Map<String, double[]> samplesByName, Compared compared, SharedSpread shared,
            boolean higherIsBetter) {
        Comparator<Target> byMedian = Comparator.comparingDouble(t -> t.estimate().median());
        List<Target> sorted = samplesByName.entrySet().stream()
                .map(e -> new Target(e.getKey(), Estimate.of(e.getValue())))
                .sorted((higherIsBetter ? byMedian.reversed() : byMedian).thenComparing(Target::name))
                .toList();
        int[] ranks = new int[sorted.size()];
        List<String> group = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            String name = sorted.get(i).name();
            if (!group.isEmpty() && group.stream().noneMatch(member -> RatioTest.of(compared.samples().get(name),
                    compared.samples().get(member), shared).significant())) {
                ranks[i] = ranks[i - 1];
            } else {
                group.clear();
                ranks[i] = i + 1;
            }
            group.add(name);
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            boolean tied = i > 0 && ranks[i - 1] == ranks[i] || i + 1 < ranks.length && ranks[i + 1] == ranks[i];
            entries.add(new Entry(sorted.get(i).name(), ranks[i], tied, sorted.get(i).estimate()));
        }
        return new Ranking(entries, shared, compared.samples());
    }

    /** Target A with target B as the ranking compares them: "A is 1.8x (1.6-2.0) B". */
    public RatioTest compare(String a, String b) {
        return RatioTest.of(compared.get(a), compared.get(b), shared);
    }

    public Optional<Entry> entry(String name) {
        return entries.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /**
     * Samples as a ranking compares them: each divided by its round's factor when the rounds had effects.
     *
     * @param fittedDf the degrees of freedom the rounds' effects took from them
     */
    public record Compared(Map<String, double[]> samples, int fittedDf) {

        public Compared {
            samples = Collections.unmodifiableMap(new LinkedHashMap<>(samples));
        }

        public static Compared of(Map<String, double[]> samplesByName, Map<String, int[]> roundsByName) {
            RoundEffects effects = RoundEffects.of(samplesByName, roundsByName);
            Map<String, double[]> compared = new LinkedHashMap<>();
            samplesByName.forEach((name, samples) -> compared.put(name,
                    effects.any() ? effects.adjust(samples, roundsByName.get(name)) : samples));
            return new Compared(compared, effects.df());
        }

        /** Them as one group of a {@link SharedSpread}'s fit. */
        public SharedSpread.Group group() {
            return new SharedSpread.Group(samples.values(), fittedDf);
        }
    }

    private record Target(String name, Estimate estimate) {
    }
}
