package org.fwbench.stats;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * How much the whole machine moved a figure in each round of a run, as the targets measured in every round show it
 * together: the rounds' effects of an additive model of ln(sample) with a term per target and one per round (a
 * randomized block design, the rounds being the blocks). Every round measures every target, so a round the machine
 * ran slow in for minutes is slow for all of them (in one default run, round 1 had every target's /hello at 0.73
 * of its geometric mean over the rounds, with steal at 0), and taking it out cancels it from every comparison,
 * where it would otherwise widen every target's spread and tie pairs that each round orders the same way.
 *
 * <p>A round's factor is exp(mean over the complete targets of ln(sample) minus that target's mean ln), so the
 * factors' logarithms sum to 0 and a target measured in every round keeps its geometric mean. Complete targets
 * are those with one sample in every round of the scenario; effects need at least {@value #MIN_TARGETS} of them
 * over at least two rounds, and positive samples.
 *
 * @param factors the factor of each round (round number to factor); empty when there are no effects to remove
 */
public record RoundEffects(Map<Integer, Double> factors) {

    /** Fewer complete targets than this leave a round's effect too tangled with theirs to remove it. */
    static final int MIN_TARGETS = 3;
    /** Nothing to remove: samples stay as they are. */
    public static final RoundEffects NONE = new RoundEffects(Map.of());

    public RoundEffects {
        factors = Map.copyOf(factors);
    }

    /**
     * The rounds' effects on the samples of the targets of one scenario.
     *
     * @param samples by target, one figure each
     * @param rounds  by target, the round of each of its samples, in the same order
     */
    public static RoundEffects of(Map<String, double[]> samples, Map<String, int[]> rounds) {
        TreeSet<Integer> all = new TreeSet<>();
        rounds.values().forEach(r -> Arrays.stream(r).forEach(all::add));
        if (all.size() < 2) {
            return NONE;
        }
        Map<Integer, Double> sums = new TreeMap<>();
        int complete = 0;
        for (Map.Entry<String, double[]> e : samples.entrySet()) {
            double[] values = e.getValue();
            int[] r = rounds.get(e.getKey());
            if (r == null || r.length != values.length || !SharedSpread.positive(values)) {
                return NONE;
            }
            if (Arrays.stream(r).distinct().count() != values.length || values.length != all.size()) {
                continue; // measured in some rounds only, or twice in one: not complete
            }
            complete++;
            double mean = SharedSpread.meanOfLogs(values);
            for (int i = 0; i < values.length; i++) {
                sums.merge(r[i], Math.log(values[i]) - mean, Double::sum);
            }
        }
        if (complete < MIN_TARGETS) {
            return NONE;
        }
        Map<Integer, Double> factors = new TreeMap<>();
        int n = complete;
        sums.forEach((round, sum) -> factors.put(round, Math.exp(sum / n)));
        return new RoundEffects(factors);
    }

    /** Whether there are effects to remove. */
    public boolean any() {
        return !factors.isEmpty();
    }

    /**
     * The degrees of freedom the effects took from the samples: one per round but the first, as the logarithms
     * of the factors sum to 0.
     */
    public int df() {
        return any() ? factors.size() - 1 : 0;
    }

    /** The samples with their rounds' effects taken out; as they are in a round without a factor. */
    public double[] adjust(double[] samples, int[] rounds) {
        double[] adjusted = samples.clone();
        for (int i = 0; i < adjusted.length; i++) {
            adjusted[i] /= factors.getOrDefault(rounds[i], 1.0);
        }
        return adjusted;
    }
}
