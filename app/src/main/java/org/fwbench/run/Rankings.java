package org.fwbench.run;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.fwbench.result.Measurement;
import org.fwbench.result.ScenarioRanking;
import org.fwbench.result.TargetResult;
import org.fwbench.stats.Comparison;
import org.fwbench.stats.Ranking;

/** Ranks the targets of each scenario on the metrics a reader chooses by; indistinguishable ones tie. */
final class Rankings {

    /** A metric a ranking is made for, with its direction. */
    private record Metric(String name, boolean higherIsBetter, ToDoubleFunction<Measurement> value) {
    }

    private static final List<Metric> METRICS = List.of(
            new Metric("throughput", true, m -> m.load().throughput()),
            new Metric("p99Ms", false, m -> m.load().latencyMs().p99()),
            new Metric("memoryAfterBytes", false, Summaries::memoryAfter),
            new Metric("serverCpuMicrosPerRequest", false, Measurement::serverCpuMicrosPerRequest));

    private Rankings() {
    }

    static List<ScenarioRanking> of(List<TargetResult> targets, List<String> scenarios) {
        List<ScenarioRanking> rankings = new ArrayList<>();
        for (String scenario : scenarios) {
            for (Metric metric : METRICS) {
                Map<String, double[]> samples = new LinkedHashMap<>();
                for (TargetResult t : targets) {
                    t.scenarios().stream()
                            .filter(s -> s.scenario().equals(scenario) && s.ok() && !s.measurements().isEmpty())
                            .findFirst()
                            .ifPresent(s -> samples.put(t.name(),
                                    s.measurements().stream().mapToDouble(metric.value()).toArray()));
                }
                if (samples.size() >= 2) {
                    rankings.add(ranking(scenario, metric, samples));
                }
            }
        }
        return rankings;
    }

    private static ScenarioRanking ranking(String scenario, Metric metric, Map<String, double[]> samples) {
        List<Ranking.Entry> entries = Ranking.of(samples, metric.higherIsBetter()).entries();
        List<ScenarioRanking.Rank> ranks = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Ranking.Entry e = entries.get(i);
            Comparison vsNext = i + 1 < entries.size()
                    ? Comparison.of(samples.get(e.name()), samples.get(entries.get(i + 1).name())) : null;
            ranks.add(new ScenarioRanking.Rank(e.name(), e.rank(), e.tied(), e.estimate().median(), vsNext));
        }
        return new ScenarioRanking(scenario, metric.name(), metric.higherIsBetter(), ranks);
    }
}
