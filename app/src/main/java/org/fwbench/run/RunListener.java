package org.fwbench.run;

import java.util.List;
import org.fwbench.load.Progress;
import org.fwbench.result.Measurement;
import org.fwbench.result.MemoryReading;
import org.fwbench.result.NotMeasured;
import org.fwbench.result.RunResult;
import org.fwbench.result.TargetResult;

/**
 * What the runner tells while it works, for live status lines and for saving results as they come.
 * Every method has an empty default so a listener takes only what it needs.
 */
public interface RunListener {

    /**
     * A target is being started for {@code round} (1 for the first start); {@code madeUpFor} is the start a make-up
     * start stands in for, 0 for a start of its own.
     */
    default void targetStarting(String target, int round, int madeUpFor) {
    }

    /**
     * Its memory and CPU will not be measured, only its load: told once, before it is first ready.
     */
    default void notMeasured(String target, NotMeasured why) {
    }

    /**
     * A target answers; {@code idle} is its memory after a short settle, before any load; {@code startupSeconds}
     * is null for a target that was already running; {@code pid} and {@code idle} are null when its memory is not
     * measured.
     */
    default void targetReady(String target, String version, Long pid, Double startupSeconds, MemoryReading idle,
            String firstUrl) {
    }

    /** A target's start is over; {@code start.after()} is its memory after all load (null if it died). */
    default void targetStopping(String target, String version, TargetResult.Start start) {
    }

    default void targetSkipped(String target, String reason) {
    }

    default void targetFailed(String target, String reason, List<String> logTail) {
    }

    default void verified(String target, String scenario, List<String> problems) {
    }

    default void loadProgress(String target, String scenario, int repeat, Progress progress) {
    }

    default void measured(String target, String scenario, Measurement measurement) {
    }

    /** A target is finished (measured, failed or skipped): the results so far, to be saved. */
    default void checkpoint(RunResult soFar) {
    }
}
