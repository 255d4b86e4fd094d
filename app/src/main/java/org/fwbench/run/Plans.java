package org.fwbench.run;

import java.util.List;
import org.fwbench.config.LoadSettings;
import org.fwbench.config.Mode;
import org.fwbench.config.ScenarioDef;
import org.fwbench.config.Suite;

/** The scenarios of a run with their settings: the suite's precedence, with the mode's preset under the command line's. */
public final class Plans {

    private Plans() {
    }

    /** Every selected scenario with its settings. */
    public static List<RunPlan.PlannedScenario> scenarios(Suite suite, List<ScenarioDef> selected, Mode mode,
            LoadSettings commandLine) {
        LoadSettings overrides = mode.withCommandLine(commandLine);
        return selected.stream().map(s -> new RunPlan.PlannedScenario(s, suite.loadFor(s, overrides))).toList();
    }
}
