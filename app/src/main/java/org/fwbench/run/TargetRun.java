package org.fwbench.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.fwbench.analysis.Summaries;
import org.fwbench.config.LoadSettings;
import org.fwbench.config.TargetDef;
import org.fwbench.result.MeasuredLoad;
import org.fwbench.result.Measurement;
import org.fwbench.result.NotMeasured;
import org.fwbench.result.ScenarioResult;
import org.fwbench.result.ScenarioResult.AppliedLoad;
import org.fwbench.result.TargetResult;

/** What the runner learns about one target while it runs; becomes a {@link TargetResult} at the end. */
final class TargetRun {

    private final TargetDef target;
    private final String logFile;
    private final Map<String, ScenarioState> scenarios = new LinkedHashMap<>();
    private final List<TargetResult.Start> starts = new ArrayList<>();
    private String version = "";
    private TargetResult.Status status = TargetResult.Status.OK;
    private String reason;
    private List<String> logTail = List.of();
    private List<String> command = List.of();
    private NotMeasured notMeasured;

    TargetRun(TargetDef target, List<RunPlan.PlannedScenario> planned, String logFile) {
        this.target = target;
        this.logFile = logFile;
        for (RunPlan.PlannedScenario s : planned) {
            scenarios.put(s.name(), new ScenarioState(s));
        }
    }

    TargetDef target() {
        return target;
    }

    String name() {
        return target.name();
    }

    boolean ok() {
        return status == TargetResult.Status.OK;
    }

    void version(String v) {
        version = v;
    }

    String version() {
        return version;
    }

    void command(List<String> argv) {
        command = argv;
    }

    /** Its memory and CPU cannot be measured, for this reason; its load can. */
    void notMeasured(NotMeasured why) {
        notMeasured = why;
    }

    void started(TargetResult.Start start) {
        starts.add(start);
    }

    void skip(String why) {
        status = TargetResult.Status.SKIPPED;
        reason = why;
    }

    void fail(String why, List<String> tail) {
        status = TargetResult.Status.FAILED;
        reason = why;
        logTail = List.copyOf(tail);
    }

    /** Starts made so far. */
    int starts() {
        return starts.size();
    }

    /**
     * The start of its own with the most measurements kept disturbed from outside fwbench (see
     * {@link Measurement.Conditions#disturbedFromOutside()}), the earliest of equals; empty when none was.
     */
    OptionalInt disturbedStart() {
        return scenarios.values().stream().flatMap(s -> s.measurements.stream())
                .filter(m -> m.conditions().madeUpFor() == 0).mapToInt(m -> m.conditions().start()).distinct()
                .sorted().filter(start -> disturbed(start) > 0)
                .reduce((earlier, later) -> disturbed(later) > disturbed(earlier) ? later : earlier);
    }

    /** The round a start was measured in. */
    int roundOf(int start) {
        return scenarios.values().stream().flatMap(s -> s.measurements.stream())
                .filter(m -> m.conditions().start() == start).mapToInt(m -> m.conditions().round()).findFirst()
                .orElse(start);
    }

    /**
     * After a make-up start for start {@code replaced}: its measurements are marked as standing in for that start,
     * and it takes that start's place in the figures if it measured every scenario that start did, with fewer
     * disturbed measurements; else it is the one set aside.
     */
    void settleMakeUp(int replaced, int makeUp) {
        scenarios.values().forEach(s -> s.markMadeUp(makeUp, replaced));
        boolean complete = scenarios.values().stream().allMatch(s -> s.count(makeUp, false) >= s.count(replaced, false));
        boolean better = complete && disturbed(makeUp) < disturbed(replaced);
        scenarios.values().forEach(s -> s.setAside(better ? replaced : makeUp));
    }

    private long disturbed(int start) {
        return scenarios.values().stream().mapToLong(s -> s.count(start, true)).sum();
    }

    ScenarioState scenario(String name) {
        return scenarios.get(name);
    }

    /** The scenarios that passed verification and may still be measured. */
    List<ScenarioState> runnable() {
        return scenarios.values().stream().filter(ScenarioState::runnable).toList();
    }

    TargetResult result() {
        return new TargetResult(target.name(), version, status, reason, logTail, command, logFile, starts,
                scenarios.values().stream().map(ScenarioState::result).toList(), notMeasured);
    }

    /** One scenario of this target. */
    static final class ScenarioState {
        /** Fewer successful responses than this in a repeat make no figure: a p99 of 9 answers is their maximum. */
        static final long MIN_OK = 10;

        private final RunPlan.PlannedScenario planned;
        private final List<Measurement> measurements = new ArrayList<>();
        private final List<Measurement> setAside = new ArrayList<>();
        private String url = "";
        private ScenarioResult.Status status = ScenarioResult.Status.NOT_RUN;
        private String reason;

        ScenarioState(RunPlan.PlannedScenario planned) {
            this.planned = planned;
        }

        RunPlan.PlannedScenario planned() {
            return planned;
        }

        void verified(String verifiedUrl, List<String> problems) {
            url = verifiedUrl;
            if (problems.isEmpty()) {
                status = ScenarioResult.Status.OK;
            } else {
                status = ScenarioResult.Status.FAILED;
                reason = "verification failed: " + String.join("; ", problems);
            }
        }

        void fail(String why) {
            status = ScenarioResult.Status.FAILED;
            reason = why;
        }

        /**
         * Keeps a repeat's measurement; one with fewer successful responses than {@link #MIN_OK} (or than
         * the requests asked for, when fewer) fails the cell: its rate, percentiles and memory per request
         * would be figures of errors, and a ranking would put its zero latency first.
         */
        void add(Measurement m) {
            measurements.add(m);
            MeasuredLoad load = m.load();
            long needed = planned.load().requests() > 0 ? Math.min(MIN_OK, planned.load().requests()) : MIN_OK;
            if (load.ok() < needed) {
                fail((load.ok() == 0 ? "no successful response" : "only " + load.ok() + " successful responses (at least "
                        + needed + " make a figure)") + " in repeat " + m.repeat() + ": " + load.requests()
                        + " attempts, " + failures(load));
            }
        }

        /** {@code status 500: 812, timeout: 3}: what went wrong, by kind. */
        private static String failures(MeasuredLoad load) {
            Map<String, Long> counts = new TreeMap<>();
            load.errors().forEach((kind, n) -> {
                if (n > 0 && !kind.equals("status")) {
                    counts.put(kind, n);
                }
            });
            load.statuses().forEach((code, n) -> {
                if (Integer.parseInt(code) >= 400) {
                    counts.put("status " + code, n);
                }
            });
            return counts.isEmpty() ? "no response at all" : counts.entrySet().stream()
                    .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining(", "));
        }

        /** Measurements taken so far, set aside or not: the next one's repeat number is one more. */
        int measured() {
            return measurements.size() + setAside.size();
        }

        /** Its measurements of a start, or only those kept disturbed. */
        private long count(int start, boolean disturbedOnly) {
            return measurements.stream().filter(m -> m.conditions().start() == start
                    && (!disturbedOnly || m.conditions().disturbedFromOutside())).count();
        }

        private void markMadeUp(int makeUp, int replaced) {
            measurements.replaceAll(m -> m.conditions().start() == makeUp ? m.withMadeUpFor(replaced) : m);
        }

        private void setAside(int start) {
            measurements.stream().filter(m -> m.conditions().start() == start).forEach(setAside::add);
            measurements.removeIf(m -> m.conditions().start() == start);
        }

        /** The throughput of the measurements of one round. */
        double[] throughputOfRound(int round) {
            return measurements.stream().filter(m -> m.conditions().round() == round)
                    .mapToDouble(m -> m.load().throughput()).toArray();
        }

        boolean runnable() {
            return status == ScenarioResult.Status.OK;
        }

        ScenarioResult result() {
            return new ScenarioResult(planned.name(), planned.def().method(), url, status, reason,
                    applied(planned.load()), measurements,
                    measurements.isEmpty() ? null : Summaries.of(measurements), setAside);
        }
    }

    /** The settings a scenario ran with, as the results record them (durations in seconds). */
    private static AppliedLoad applied(LoadSettings s) {
        return new AppliedLoad(seconds(s.duration()), seconds(s.warmup()), s.connections(), s.rate(),
                s.rate() > 0 ? s.arrivals().key() : null, s.requests(),
                seconds(s.timeout()), s.keepAlive(), s.spawnRate(), seconds(s.thinkTime()));
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }
}
