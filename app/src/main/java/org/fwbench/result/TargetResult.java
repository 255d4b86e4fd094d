package org.fwbench.result;

import java.util.List;
import org.fwbench.memory.TreeMemory;

/**
 * One target (framework) over the whole run.
 *
 * @param status          {@code ok}; {@code failed} (did not start, or died: see reason); {@code skipped}
 *                        (e.g. not installed: see reason)
 * @param reason          why it failed or was skipped; null when ok
 * @param logTail         the last lines of its log when it failed; empty otherwise
 * @param startups        one per start: seconds from launch to the first good response
 * @param starts          one entry per process start (one per repeat, or one with --no-restart)
 * @param scenarios       one entry per scenario, in suite order
 */
public record TargetResult(
        String name,
        String version,
        String status,
        String reason,
        List<String> logTail,
        List<String> command,
        String logFile,
        List<Start> starts,
        List<ScenarioResult> scenarios) {

    public static final String OK = "ok";
    public static final String FAILED = "failed";
    public static final String SKIPPED = "skipped";

    public TargetResult {
        logTail = List.copyOf(logTail);
        command = List.copyOf(command);
        starts = List.copyOf(starts);
        scenarios = List.copyOf(scenarios);
    }

    public boolean ok() {
        return OK.equals(status);
    }

    /**
     * One start of the target's process tree.
     *
     * @param startupSeconds from launch to the first good answer of its readiness path
     * @param idle           memory after start and a short settle, before any load
     * @param after          memory after all its scenarios ran and a short settle; null if it died
     */
    public record Start(long pid, int port, double startupSeconds, TreeMemory idle, TreeMemory after) {
    }
}
