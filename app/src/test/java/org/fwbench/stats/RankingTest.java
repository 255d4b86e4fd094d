package org.fwbench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RankingTest {

    @Test
    void clearlySeparatedTargetsGetTheirOwnRanks() {
        Map<String, double[]> rps = Map.of(
                "jetty", new double[] {100, 101, 99},
                "netty", new double[] {200, 202, 198},
                "flask", new double[] {50, 51, 49});

        assertThat(rank(rps, true).entries())
                .extracting(Ranking.Entry::name, Ranking.Entry::rank, Ranking.Entry::tied)
                .containsExactly(tuple("netty", 1, false), tuple("jetty", 2, false), tuple("flask", 3, false));
        assertThat(rank(rps, false).entries())
                .extracting(Ranking.Entry::name, Ranking.Entry::rank)
                .containsExactly(tuple("flask", 1), tuple("jetty", 2), tuple("netty", 3));
    }

    @Test
    void targetsThatAreNotSignificantlyApartShareARankAndTheNextRankIsSkipped() {
        Map<String, double[]> rps = Map.of(
                "a", new double[] {100, 110, 90},
                "b", new double[] {98, 108, 92},
                "c", new double[] {50, 51, 49});

        Ranking r = rank(rps, true);

        assertThat(r.entries())
                .extracting(Ranking.Entry::name, Ranking.Entry::rank, Ranking.Entry::tied)
                .containsExactly(tuple("a", 1, true), tuple("b", 1, true), tuple("c", 3, false));
        assertThat(r.entry("b").orElseThrow().estimate().median()).isEqualTo(98);
    }

    @Test
    void theExampleInTheDocumentation() {
        Map<String, double[]> rps = Map.of(
                "netty", new double[] {41200, 39800, 40500},
                "jetty", new double[] {38900, 41400, 40100},
                "undertow", new double[] {36100, 35900, 36800},
                "flask", new double[] {2210, 2290, 2150});

        assertThat(rank(rps, true).entries())
                .extracting(Ranking.Entry::name, Ranking.Entry::rank, Ranking.Entry::tied,
                        e -> Math.round(e.estimate().median()), e -> Math.round(e.estimate().halfWidth()))
                .containsExactly(
                        tuple("netty", 1, true, 40500L, 1739L),
                        tuple("jetty", 1, true, 40100L, 3106L),
                        tuple("undertow", 3, false, 36100L, 1174L),
                        tuple("flask", 4, false, 2210L, 174L));
    }

    @Test
    void aTargetIsTiedWithTheBestOfItsGroupNotWithAChainOfNeighbours() {
        // Means 100, 97, 94: a and b, b and c are not significantly apart; a and c are.
        Map<String, double[]> p99 = Map.of(
                "a", new double[] {100, 102, 98},
                "b", new double[] {97, 99, 95},
                "c", new double[] {94, 96, 92});
        assertThat(RatioTest.of(p99.get("b"), p99.get("c")).significant()).isFalse();
        assertThat(RatioTest.of(p99.get("a"), p99.get("c")).significant()).isTrue();

        assertThat(rank(p99, true).entries())
                .extracting(Ranking.Entry::name, Ranking.Entry::rank, Ranking.Entry::tied)
                .containsExactly(tuple("a", 1, true), tuple("b", 1, true), tuple("c", 3, false));
    }

    @Test
    void overlappingIntervalsAloneDoNotTie() {
        // Intervals a [95, 105] and b [89, 99] overlap, yet the two are significantly apart.
        Map<String, double[]> rps = Map.of("a", new double[] {100, 102, 98}, "b", new double[] {94, 96, 92});
        assertThat(Estimate.of(rps.get("a")).ciLow()).isLessThan(Estimate.of(rps.get("b")).ciHigh());

        assertThat(rank(rps, true).entries())
                .extracting(Ranking.Entry::name, Ranking.Entry::rank, Ranking.Entry::tied)
                .containsExactly(tuple("a", 1, false), tuple("b", 2, false));
    }

    @Test
    void separateIntervalsThatAreNotSignificantlyDifferentShareARank() {
        // One repeat each: nothing can be told apart, however far the single values are.
        Map<String, double[]> rps = Map.of("a", new double[] {100}, "b", new double[] {200}, "c", new double[] {300});

        assertThat(rank(rps, true).entries())
                .extracting(Ranking.Entry::name, Ranking.Entry::rank, Ranking.Entry::tied)
                .containsExactly(tuple("c", 1, true), tuple("b", 1, true), tuple("a", 1, true));
    }

    @Test
    void equalMediansAreOrderedByName() {
        Map<String, double[]> rps = new LinkedHashMap<>();
        rps.put("zeta", new double[] {10, 10, 10});
        rps.put("alpha", new double[] {10, 10, 10});

        assertThat(rank(rps, true).entries())
                .extracting(Ranking.Entry::name, Ranking.Entry::rank, Ranking.Entry::tied)
                .containsExactly(tuple("alpha", 1, true), tuple("zeta", 1, true));
    }

    @Test
    void oneTargetIsFirstAndNothingIsEmpty() {
        Ranking one = rank(Map.of("only", new double[] {1, 2, 3}), true);

        assertThat(one.entries()).extracting(Ranking.Entry::rank, Ranking.Entry::tied).containsExactly(tuple(1, false));
        assertThat(one.entry("other")).isEmpty();
        assertThat(rank(Map.of(), true).entries()).isEmpty();
    }

    @Test
    void theSharedSpreadSeparatesFiguresThatThreeStartsAloneCannot() {
        // Seven targets whose starts vary by about 12 %, each 30 % ahead of the next. On its own samples a pair has
        // two degrees of freedom a side and ties; with the spread all seven share it does not.
        Map<String, double[]> rps = new LinkedHashMap<>();
        double level = 1000;
        for (String name : List.of("a", "b", "c", "d", "e", "f", "g")) {
            rps.put(name, new double[] {level * 0.88, level, level * 1.12});
            level *= 1.3;
        }
        assertThat(RatioTest.of(rps.get("b"), rps.get("a")).significant()).isFalse();

        Ranking r = rank(rps, true);

        assertThat(r.shared().df()).isEqualTo(14);
        assertThat(r.entries()).extracting(Ranking.Entry::name, Ranking.Entry::rank, Ranking.Entry::tied)
                .containsExactly(tuple("g", 1, false), tuple("f", 2, false), tuple("e", 3, false),
                        tuple("d", 4, false), tuple("c", 5, false), tuple("b", 6, false), tuple("a", 7, false));
        RatioTest bOverA = r.compare("b", "a");
        assertThat(bOverA.method()).isEqualTo("shared-log");
        assertThat(bOverA.ratio()).isCloseTo(1.3, within(1e-9));
        assertThat(bOverA.ratioLow()).isGreaterThan(1);
    }

    @Test
    void aTargetWhoseStartsDisagreeKeepsMostOfItsOwnSpread() {
        // c's starts vary by 40 %: the others' agreement must not make its 15 % lead over b look certain.
        Map<String, double[]> rps = new LinkedHashMap<>();
        rps.put("a", new double[] {990, 1000, 1010});
        rps.put("b", new double[] {1980, 2000, 2020});
        rps.put("c", new double[] {1400, 2300, 3200});
        rps.put("d", new double[] {495, 500, 505});

        assertThat(rank(rps, true).entries())
                .extracting(Ranking.Entry::name, Ranking.Entry::rank, Ranking.Entry::tied)
                .containsExactly(tuple("c", 1, true), tuple("b", 1, true), tuple("a", 3, false), tuple("d", 4, false));
    }

    @Test
    void aRoundTheWholeMachineRanSlowInDoesNotTieTargetsThatTheRoundsTellApart() {
        // Every target 20 % slower in round 1, and a 10 % ahead of b, b 10 % ahead of c in every round: on their
        // samples as measured the slow round is most of each target's spread, and a, b and c tie.
        Map<String, double[]> rps = new LinkedHashMap<>();
        rps.put("a", new double[] {968, 1210, 1200});
        rps.put("b", new double[] {880, 1100, 1105});
        rps.put("c", new double[] {800, 1000, 990});
        rps.put("d", new double[] {400, 500, 505});
        Map<String, int[]> rounds = new LinkedHashMap<>();
        rps.keySet().forEach(k -> rounds.put(k, new int[] {1, 2, 3}));

        assertThat(rank(rps, true).entries()).extracting(Ranking.Entry::name, Ranking.Entry::rank)
                .containsExactly(tuple("a", 1), tuple("b", 1), tuple("c", 1), tuple("d", 4));

        Ranking r = rank(rps, rounds, true);

        assertThat(r.entries()).extracting(Ranking.Entry::name, Ranking.Entry::rank, Ranking.Entry::tied,
                        e -> e.estimate().median())
                .containsExactly(tuple("a", 1, false, 1200.0), tuple("b", 2, false, 1100.0),
                        tuple("c", 3, false, 990.0), tuple("d", 4, false, 500.0));
        assertThat(r.shared().df()).isEqualTo(8 - 2);
        assertThat(r.compare("a", "b").ratio()).isCloseTo(1.1, within(0.01));
    }

    @Test
    void aFirstTargetWhoseStartsDisagreeDoesNotTieTwoTargetsThatAreClearlyApart() {
        // netty's second start ran at half speed (as one did in a default run): its interval takes in both vertx
        // and jetty, which are 1.7x apart. Sharing a rank means that no two of the group can be told apart.
        Map<String, double[]> rps = new LinkedHashMap<>();
        rps.put("netty", new double[] {80_100, 36_600, 75_300});
        rps.put("vertx", new double[] {73_900, 71_200, 76_400});
        rps.put("jetty", new double[] {44_300, 42_900, 45_600});
        rps.put("helidon", new double[] {43_700, 41_500, 46_000});

        Ranking r = rank(rps, true);

        assertThat(r.compare("jetty", "netty").significant()).isFalse();
        assertThat(r.compare("jetty", "vertx").significant()).isTrue();
        assertThat(r.entries()).extracting(Ranking.Entry::name, Ranking.Entry::rank)
                .containsExactly(tuple("netty", 1), tuple("vertx", 1), tuple("jetty", 3), tuple("helidon", 3));
    }

    @Test
    void aZeroFigureHasNoLogarithmAndFallsBackToEachPairsOwnSamples() {
        // Fieller's interval of b over a mean that cannot be told from 0 is unbounded: a tie, as before.
        Map<String, double[]> errors = Map.of("a", new double[] {0, 0, 1}, "b", new double[] {5, 6, 7});

        Ranking r = rank(errors, false);

        assertThat(r.shared()).isEqualTo(SharedSpread.NONE);
        assertThat(r.compare("a", "b").method()).isEqualTo("fieller");
        assertThat(r.entries()).extracting(Ranking.Entry::name, Ranking.Entry::rank)
                .containsExactly(tuple("a", 1), tuple("b", 1));
    }

    /** Ranks one scenario's targets alone, without their rounds. */
    private static Ranking rank(Map<String, double[]> samples, boolean higherIsBetter) {
        return rank(samples, Map.of(), higherIsBetter);
    }

    /** Ranks one scenario's targets alone, with the round of each sample, as {@code Rankings} ranks a scenario. */
    private static Ranking rank(Map<String, double[]> samples, Map<String, int[]> rounds, boolean higherIsBetter) {
        Ranking.Compared compared = Ranking.Compared.of(samples, rounds);
        return Ranking.of(samples, compared, SharedSpread.of(List.of(compared.group())).getFirst(), higherIsBetter);
    }
}
