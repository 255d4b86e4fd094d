package org.fwbench.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.fwbench.config.LoadSettings;
import org.fwbench.config.Mode;
import org.fwbench.config.ScenarioDef;
import org.fwbench.config.Suite;
import org.fwbench.config.TargetDef;
import org.fwbench.server.CpuSet;

/**
 * What a run will do, decided before anything starts: the selected targets and scenarios, each
 * scenario's load settings after precedence, and how to repeat.
 *
 * @param home        fwbench's root folder (the {@code ${home}} placeholder)
 * @param python      the Python interpreter for {@code ${python}}
 * @param cpus        which CPUs the engine and the targets get; null for no pinning
 * @param logDir      where each target's stdout/stderr log goes
 * @param commandLine the arguments fwbench was started with, recorded in the results
 * @param design      rounds, measurements per start, the shuffle's seed and whether this is a quick look
 */
public record RunPlan(
        Suite suite,
        List<TargetDef> targets,
        List<PlannedScenario> scenarios,
        Mode mode,
        int repeats,
        boolean restart,
        int phases,
        boolean together,
        CpuSet.Split cpus,
        Path home,
        String python,
        Path logDir,
        List<String> commandLine,
        Design design) {

    public RunPlan {
        targets = List.copyOf(targets);
        scenarios = List.copyOf(scenarios);
        commandLine = List.copyOf(commandLine);
        if (repeats < 1 || phases < 1) {
            throw new IllegalArgumentException("repeats and phases must be at least 1");
        }
    }

    /**
     * How the measurements are laid out. With restarts every round starts each target once ({@code repeats}
     * rounds), round 1 in the suite's order and later rounds shuffled with {@code seed}; each start measures
     * every scenario {@code measurementsPerStart} times after one warm-up.
     *
     * @param quick      a first look: labelled less certain in every output
     * @param fixedRates scenario name to the rate of its fixed-rate measurement, taken from an earlier run so
     *                   that the two measure at the same rate (measured when its own would be); a scenario not named
     *                   gets half the slowest target's round-1 capacity, measured from round 2 on
     */
    public record Design(int measurementsPerStart, long seed, boolean quick, Map<String, Double> fixedRates) {

        /**
         * One measurement per start: the two-level interval has starts - 1 degrees of freedom whatever the
         * measurements per start, and a second measurement only shrinks the within-start part of a start's
         * mean, while the default run's five minutes buy three starts of one measurement each.
         */
        public static final int DEFAULT_PER_START = 1;

        public Design {
            fixedRates = Map.copyOf(fixedRates);
            if (measurementsPerStart < 1) {
                throw new IllegalArgumentException("measurements per start must be at least 1");
            }
        }

        public static Design of(long seed) {
            return new Design(DEFAULT_PER_START, seed, false, Map.of());
        }
    }

    /** A scenario with the load settings that apply to it, every field set. */
    public record PlannedScenario(ScenarioDef def, LoadSettings load) {
        public String name() {
            return def.name();
        }
    }
}
