package org.fwbench.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RankingTest {

    @Test
    void clearlySeparatedTargetsGetTheirOwnRanks() {
        Map<String, double[]> rps = Map.of(
                "jetty", new double[] {100, 101, 99},
                "netty", new double[] {200, 202, 198},
                "flask", new double[] {50, 51, 49});

        assertThat(Ranking.of(rps, true).entries())
                .extracting(Ranking.Entry::name, Ranking.Entry::rank, Ranking.Entry::tied)
                .containsExactly(tuple("netty", 1, false), tuple("jetty", 2, false), tuple("flask", 3, false));
        assertThat(Ranking.of(rps, false).entries())
                .extracting(Ranking.Entry::name, Ranking.Entry::rank)
                .containsExactly(tuple("flask", 1), tuple("jetty", 2), tuple("netty", 3));
    }

    @Test
    void targetsThatAreNotSignificantlyApartShareARankAndTheNextRankIsSkipped() {
        Map<String, double[]> rps = Map.of(
                "a", new double[] {100, 110, 90},
                "b", new double[] {98, 108, 92},
                "c", new double[] {50, 51, 49});

        Ranking r = Ranking.of(rps, true);

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

        assertThat(Ranking.of(rps, true).entries())
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

        assertThat(Ranking.of(p99, true).entries())
                .extracting(Ranking.Entry::name, Ranking.Entry::rank, Ranking.Entry::tied)
                .containsExactly(tuple("a", 1, true), tuple("b", 1, true), tuple("c", 3, false));
    }

    @Test
    void overlappingIntervalsAloneDoNotTie() {
        // Intervals a [95, 105] and b [89, 99] overlap, yet the two are significantly apart.
        Map<String, double[]> rps = Map.of("a", new double[] {100, 102, 98}, "b", new double[] {94, 96, 92});
        assertThat(Estimate.of(rps.get("a")).ciLow()).isLessThan(Estimate.of(rps.get("b")).ciHigh());

        assertThat(Ranking.of(rps, true).entries())
                .extracting(Ranking.Entry::name, Ranking.Entry::rank, Ranking.Entry::tied)
                .containsExactly(tuple("a", 1, false), tuple("b", 2, false));
    }

    @Test
    void separateIntervalsThatAreNotSignificantlyDifferentShareARank() {
        // One repeat each: nothing can be told apart, however far the single values are.
        Map<String, double[]> rps = Map.of("a", new double[] {100}, "b", new double[] {200}, "c", new double[] {300});

        assertThat(Ranking.of(rps, true).entries())
                .extracting(Ranking.Entry::name, Ranking.Entry::rank, Ranking.Entry::tied)
                .containsExactly(tuple("c", 1, true), tuple("b", 1, true), tuple("a", 1, true));
    }

    @Test
    void equalMediansAreOrderedByName() {
        Map<String, double[]> rps = new LinkedHashMap<>();
        rps.put("zeta", new double[] {10, 10, 10});
        rps.put("alpha", new double[] {10, 10, 10});

        assertThat(Ranking.of(rps, true).entries())
                .extracting(Ranking.Entry::name, Ranking.Entry::rank, Ranking.Entry::tied)
                .containsExactly(tuple("alpha", 1, true), tuple("zeta", 1, true));
    }

    @Test
    void oneTargetIsFirstAndNothingIsEmpty() {
        Ranking one = Ranking.of(Map.of("only", new double[] {1, 2, 3}), true);

        assertThat(one.entries()).extracting(Ranking.Entry::rank, Ranking.Entry::tied).containsExactly(tuple(1, false));
        assertThat(one.entry("other")).isEmpty();
        assertThat(Ranking.of(Map.of(), true).entries()).isEmpty();
    }
}
