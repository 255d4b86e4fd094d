package org.fwbench.analysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fwbench.result.Cell;
import org.fwbench.result.RunResult;
import org.fwbench.result.ScenarioRanking;
import org.fwbench.stats.Ranking;
import org.fwbench.stats.RatioTest;
import org.fwbench.stats.SharedSpread;

/**
 * Ranks the targets of each scenario on the {@linkplain Metric#RANKED ranked metrics}, from one sample per start
 * of each target; targets the data cannot separate tie.
 */
public final class Rankings {

    private Rankings() {
    }

    /**
     * Every scenario with at least two targets measured and ok on it, ranked on each metric. A target measured
     * once has no interval, so nothing can be told apart: such a scenario is not ranked at all rather than
     * every target ranked {@code 1=}. The spreads a metric's rankings draw on are fitted together (see
     * {@link SharedSpread#of(List)}): how alike the targets' spreads are is one question for all the scenarios.
     */
    public static List<ScenarioRanking> of(RunResult run) {
        Map<Metric, List<Rankable>> byMetric = new LinkedHashMap<>();
        for (String scenario : run.scenarioNames()) {
            List<Cell> cells = run.measured(scenario).stream().filter(c -> c.scenario().ok()).toList();
            for (Metric metric : Metric.RANKED) {
                Map<String, double[]> samples = new LinkedHashMap<>();
                Map<String, int[]> rounds = new LinkedHashMap<>();
                // One sample per start (its mean): measurements of one start share its luck (see Metric#rankingSamples).
                cells.forEach(c -> metric.rankingSamples(c.scenario()).ifPresent(v -> {
                    if (samples.putIfAbsent(c.targetName(), v) == null) {
                        metric.rankingRounds(c.scenario()).ifPresent(r -> rounds.put(c.targetName(), r));
                    }
                }));
                // A target with a single sample has no interval: nothing can be ranked then (--repeat 1).
                if (samples.size() >= 2 && samples.values().stream().allMatch(s -> s.length >= 2)) {
                    byMetric.computeIfAbsent(metric, m -> new ArrayList<>())
                            .add(new Rankable(scenario, samples, Ranking.Compared.of(samples, rounds)));
                }
            }
        }
        Map<String, List<ScenarioRanking>> byScenario = new LinkedHashMap<>();
        run.scenarioNames().forEach(s -> byScenario.put(s, new ArrayList<>()));
        byMetric.forEach((metric, rankables) -> {
            List<SharedSpread> spreads = SharedSpread.of(rankables.stream().map(r -> r.compared().group()).toList());
            for (int i = 0; i < rankables.size(); i++) {
                Rankable r = rankables.get(i);
                byScenario.get(r.scenario()).add(ranking(r.scenario(), metric,
                        Ranking.of(r.samples(), r.compared(), spreads.get(i), metric.higherIsBetter())));
            }
        });
        // scenario by scenario, each in the order of Metric.RANKED
        List<ScenarioRanking> rankings = new ArrayList<>();
        byScenario.values().forEach(rankings::addAll);
        return rankings;
    }

    private record Rankable(String scenario, Map<String, double[]> samples, Ranking.Compared compared) {
    }

    private static ScenarioRanking ranking(String scenario, Metric metric, Ranking ranking) {
        List<Ranking.Entry> entries = ranking.entries();
        List<ScenarioRanking.Rank> ranks = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Ranking.Entry e = entries.get(i);
            RatioTest vsNext = i + 1 < entries.size()
                    ? ranking.compare(e.name(), entries.get(i + 1).name()) : null;
            ranks.add(new ScenarioRanking.Rank(e.name(), e.rank(), e.tied(), e.estimate().median(), vsNext));
        }
        return new ScenarioRanking(scenario, metric.rankingKey(), metric.higherIsBetter(), ranks);
    }
}
