package org.fwbench.result;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One target (framework) over the whole run.
 *
 * @param reason          why it failed or was skipped; null when ok
 * @param logTail         the last lines of its log when it failed; empty otherwise
 * @param starts          one entry per process start (one per repeat, or one with --no-restart)
 * @param scenarios       one entry per scenario, in suite order
 * @param notMeasured     why its memory and CPU were not measured (a server fwbench did not start and whose process
 *                        it could not read); null when they were. Absent from results written before it existed.
 */
public record TargetResult(
        String name,
        String version,
        Status status,
        String reason,
        List<String> logTail,
        List<String> command,
        String logFile,
        List<Start> starts,
        List<ScenarioResult> scenarios,
        NotMeasured notMeasured) {

    public TargetResult {
        logTail = List.copyOf(logTail);
        command = List.copyOf(command);
        starts = List.copyOf(starts);
        scenarios = List.copyOf(scenarios);
    }

    /** The same target with these scenario results in place of its own. */
    public TargetResult withScenarios(List<ScenarioResult> newScenarios) {
        return new TargetResult(name, version, status, reason, logTail, command, logFile, starts, newScenarios,
                notMeasured);
    }

    /** Whether its memory and CPU were measured (see {@link #notMeasured()}). */
    public boolean memoryMeasured() {
        return notMeasured == null;
    }

    public boolean ok() {
        return status == Status.OK;
    }

    /** This target's result on the named scenario, if it had that scenario. */
    public Optional<ScenarioResult> scenario(String name) {
        return scenarios.stream().filter(s -> s.scenario().equals(name)).findFirst();
    }

    /** The first start, which the tables show (idle memory, startup time); empty when it never started. */
    public Optional<Start> firstStart() {
        return starts.stream().findFirst();
    }

    /**
     * {@code ok}; {@code failed} (did not start, or died: see reason); {@code skipped} (e.g. not installed:
     * see reason).
     */
    public enum Status {
        OK, FAILED, SKIPPED;

        @JsonValue
        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One start of the target's process tree.
     *
     * @param pid            the root of its process tree; null when its memory and CPU were not measured
     * @param startupSeconds from launch to the first good answer of its readiness path; null for a target that was
     *                       already running (fwbench did not start it)
     * @param idle           memory after start and a short settle, before any load; null when not measured
     * @param after          memory after all its scenarios ran and a short settle; null if it died or when not
     *                       measured
     */
    public record Start(Long pid, int port, Double startupSeconds, MemoryReading idle, MemoryReading after) {
    }
}
