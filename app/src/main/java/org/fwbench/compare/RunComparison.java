package org.fwbench.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fwbench.result.RunResult;
import org.fwbench.result.ScenarioResult;
import org.fwbench.result.TargetResult;
import org.fwbench.stats.Change;
import org.fwbench.stats.Estimate;

/**
 * Two runs side by side: the change of every metric of every target x scenario measured in both, and the
 * cells found in only one of them (named, not silently dropped).
 *
 * @param unmatched one line per cell that could not be compared, with why
 */
public record RunComparison(List<MetricChange> changes, List<String> unmatched) {

    public RunComparison {
        changes = List.copyOf(changes);
        unmatched = List.copyOf(unmatched);
    }

    public static RunComparison of(RunResult before, RunResult after) {
        List<MetricChange> changes = new ArrayList<>();
        List<String> unmatched = new ArrayList<>();
        for (TargetResult t : after.targets()) {
            for (ScenarioResult s : t.scenarios()) {
                Optional<ScenarioResult> old = cell(before, t.name(), s.scenario());
                String name = t.name() + " " + s.scenario();
                if (old.isEmpty()) {
                    unmatched.add(name + ": only in the new run");
                } else if (!measured(old.get())) {
                    unmatched.add(name + ": not measured in the old run");
                } else if (!measured(s)) {
                    unmatched.add(name + ": not measured in the new run"
                            + (s.reason() == null ? "" : " (" + s.reason() + ")"));
                } else {
                    changes.addAll(compare(t.name(), old.get(), s));
                }
            }
        }
        for (TargetResult t : before.targets()) {
            for (ScenarioResult s : t.scenarios()) {
                if (cell(after, t.name(), s.scenario()).isEmpty()) {
                    unmatched.add(t.name() + " " + s.scenario() + ": only in the old run");
                }
            }
        }
        return new RunComparison(changes, unmatched);
    }

    public List<MetricChange> regressions() {
        return changes.stream().filter(c -> c.verdict() == MetricChange.Verdict.REGRESSION).toList();
    }

    public List<MetricChange> improvements() {
        return changes.stream().filter(c -> c.verdict() == MetricChange.Verdict.IMPROVEMENT).toList();
    }

    /** Significant regressions worse than {@code percent} (10 means 10% slower, larger, or less throughput). */
    public List<MetricChange> regressionsBeyond(double percent) {
        return regressions().stream().filter(c -> c.worsePercent() > percent).toList();
    }

    private static List<MetricChange> compare(String target, ScenarioResult before, ScenarioResult after) {
        boolean pss = hasPss(before) && hasPss(after);
        List<MetricChange> changes = new ArrayList<>();
        for (CompareMetric metric : CompareMetric.all(pss)) {
            double[] old = samples(before, metric);
            double[] now = samples(after, metric);
            changes.add(new MetricChange(target, after.scenario(), metric, Estimate.of(old).median(),
                    Estimate.of(now).median(), Change.of(old, now)));
        }
        return changes;
    }

    private static double[] samples(ScenarioResult s, CompareMetric metric) {
        return s.measurements().stream().mapToDouble(metric.value()).toArray();
    }

    private static boolean hasPss(ScenarioResult s) {
        return s.measurements().stream().allMatch(m -> m.after().pssBytes() != null);
    }

    private static boolean measured(ScenarioResult s) {
        return s.ok() && !s.measurements().isEmpty();
    }

    private static Optional<ScenarioResult> cell(RunResult r, String target, String scenario) {
        return r.targets().stream().filter(t -> t.name().equals(target)).flatMap(t -> t.scenarios().stream())
                .filter(s -> s.scenario().equals(scenario)).findFirst();
    }
}
