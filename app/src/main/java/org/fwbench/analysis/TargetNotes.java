package org.fwbench.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.fwbench.result.Cell;
import org.fwbench.result.Disturbance;
import org.fwbench.result.Measurement;
import org.fwbench.result.ScenarioResult;
import org.fwbench.result.Summary;
import org.fwbench.stats.Estimate;

/**
 * At most one line per target and scenario on what not to take at face value: memory and CPU that were not
 * measured and why, a known cause behind its figures,
 * a load engine that was the limit, starts never steady, measurements disturbed by other processes, starts
 * that disagree and starts that stand apart. One line, because a
 * table followed by thirty "noisy" lines buries the few that matter.
 */
final class TargetNotes {

    /**
     * The share of its CPUs above which a target counts as at its limit: the load engine's own test of itself
     * ({@code saturated} in a load's client figures).
     */
    static final double TARGET_LIMIT = 0.9;

    private TargetNotes() {
    }

    /**
     * The target's note on this scenario; empty when there is nothing to say.
     *
     * @param targetCpus the CPUs the target could use; 0 when unknown
     */
    static Optional<String> of(Cell cell, boolean quick, int targetCpus) {
        List<String> parts = new ArrayList<>();
        if (!cell.target().memoryMeasured()) {
            parts.add("memory and CPU " + cell.target().notMeasured().label() + ": " + cell.target().notMeasured().detail());
        }
        Diagnosis.of(cell).ifPresent(d -> parts.add(d.explain(cell)));
        clientLimit(cell.scenario().measurements(), targetCpus).ifPresent(parts::add);
        Summary.Conditions c = cell.summary().conditions();
        // A quick look's warm-ups are too short to be found steady: its run note says so once.
        if (c.anyUnsteady() && !quick) {
            parts.add("never steady in " + c.unsteady() + " of " + c.warmups() + " warm-ups (measured at the warm-up's "
                    + "maximum)");
        }
        if (c.remeasured() > 0) {
            parts.add(c.remeasured() + " measurement(s) taken again as other processes, steal or fwbench's compilers "
                    + "took CPU or its JIT was compiling"
                    + (c.disturbed() > 0 ? ", " + c.disturbed() + " still disturbed" : ""));
        } else if (c.disturbed() > 0) {
            // Said apart: "0 taken again, 1 still disturbed" read as if a retry had failed.
            parts.add(c.disturbed() + " measurement(s) kept while other processes, steal or fwbench's compilers took "
                    + "over " + Disturbance.LIMIT_CORES + " of a core"
                    + (quick ? " (a quick look measures nothing again)" : ""));
        }
        madeUp(cell.scenario()).ifPresent(parts::add);
        // Nor are a quick look's warm-ups long enough for a JIT to finish compiling.
        if (c.compiling() > 0 && !quick) {
            parts.add(c.compiling() + " measurement(s) kept while its JIT compilers still took over "
                    + Measurement.Conditions.COMPILING_CORES + " of a core");
        }
        List<String> noisy = new ArrayList<>();
        Map<Integer, List<String>> apart = new TreeMap<>();
        for (Metric metric : Metric.RANKED) {
            Optional<Estimate> e = estimate(metric, cell);
            if (e.isEmpty()) {
                continue;
            }
            if (e.get().noisy()) {
                noisy.add(String.format(Locale.ROOT, "%.0f%% in %s", 100 * e.get().cv(), metric.shortName()));
            }
            int[] numbers = metric.sampleNumbers(cell.scenario()).orElseThrow();
            e.get().outliers().forEach(i -> apart.computeIfAbsent(numbers[i], k -> new ArrayList<>())
                    .add(metric.shortName()));
        }
        if (!noisy.isEmpty()) {
            parts.add("starts vary by " + String.join(", ", noisy) + " (CV)");
        }
        if (!apart.isEmpty()) {
            List<String> repeats = new ArrayList<>();
            apart.forEach((repeat, metrics) -> repeats.add(repeat + " in " + String.join(", ", metrics)));
            parts.add((apart.size() == 1 ? "outlier start " : "outlier starts ") + String.join(" and ", repeats)
                    + " (kept in every figure)");
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(cell.targetName() + ": " + String.join("; ", parts));
    }

    /** What a make-up start changed in this cell: which start it stood in for, and which of the two was kept. */
    private static Optional<String> madeUp(ScenarioResult scenario) {
        return scenario.measurements().stream().filter(m -> m.conditions().madeUpFor() > 0).findFirst()
                .map(m -> "start " + m.conditions().madeUpFor() + " measured again after the rounds, as it stayed "
                        + "disturbed after its retries (set aside in results.json)")
                .or(() -> scenario.setAside().stream().filter(m -> m.conditions().madeUpFor() > 0).findFirst()
                        .map(m -> "a make-up start for start " + m.conditions().madeUpFor() + " was no less disturbed "
                                + "and is set aside"));
    }

    /**
     * What a load engine at its limit means for the figures. On loopback each side's system calls also carry part
     * of the other's network stack, so a fast server and the engine often both run at their limit (Netty, Vert.x
     * and Undertow on the small routes): wrk got as much from them as fwbench, no more (Netty's /plaintext,
     * 2026-12-05: 83-84k req/s under wrk, 85-88k under fwbench). The figures are the client's limit only where
     * the target had CPU to spare.
     */
    private static Optional<String> clientLimit(List<Measurement> ms, int targetCpus) {
        List<Measurement> saturated = ms.stream().filter(m -> m.load().client().saturated()).toList();
        if (saturated.isEmpty()) {
            return Optional.empty();
        }
        long atLimit = saturated.stream().filter(m -> targetShare(m, targetCpus) >= TARGET_LIMIT).count();
        long spare = saturated.stream().filter(m -> targetShare(m, targetCpus) < TARGET_LIMIT).count();
        if (atLimit == saturated.size()) {
            return Optional.of("the target and the load engine both used nearly all their CPUs: the target's own "
                    + "limit, though a faster target would have been held back by the client");
        }
        if (spare > 0) {
            return Optional.of("the load engine used nearly all its CPUs while the target did not in " + spare
                    + " of " + ms.size() + " measurements: those figures are a limit of the client");
        }
        // the target's CPU not read, or results from before the targets' CPUs were recorded
        return Optional.of("the load engine used nearly all its CPUs in " + saturated.size() + " of " + ms.size()
                + " measurements: these figures may be a limit of the client");
    }

    /** The share of its CPUs the target used over the measurement; NaN when either is unknown. */
    private static double targetShare(Measurement m, int targetCpus) {
        Double cores = m.serverCores();
        return targetCpus > 0 && cores != null ? cores / targetCpus : Double.NaN;
    }

    /**
     * The metric over the cell's starts (one value per start, as ranks use them); empty when a measurement lacks
     * the figure (PSS on a system without it).
     */
    static Optional<Estimate> estimate(Metric metric, Cell cell) {
        return metric.rankingSamples(cell.scenario()).filter(s -> s.length > 0).map(Estimate::of);
    }
}
