package org.fwbench.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.fwbench.suite.LoadSettings;
import org.fwbench.suite.ScenarioDef;
import org.fwbench.suite.Suite;

/**
 * Load-setting precedence: built-in defaults, then the suite's, the scenario's, the mode's preset (a
 * seed experiment), the command line's.
 */
public final class Plans {

    private Plans() {
    }

    /**
     * The settings that apply to one scenario. A layer that sets a request count without a duration
     * means "exactly that many requests": the duration of a lower layer then no longer ends the run.
     */
    public static LoadSettings settingsFor(Suite suite, ScenarioDef scenario, RunPlan.Mode mode,
            LoadSettings commandLine) {
        List<LoadSettings> layers = List.of(LoadSettings.DEFAULTS, suite.load(), scenario.load(), Modes.preset(mode),
                commandLine);
        LoadSettings merged = LoadSettings.EMPTY;
        int durationLayer = -1;
        int requestsLayer = -1;
        for (int i = 0; i < layers.size(); i++) {
            LoadSettings layer = layers.get(i);
            merged = merged.overriddenBy(layer);
            if (layer.duration() != null) {
                durationLayer = i;
            }
            if (layer.requests() != null && layer.requests() > 0) {
                requestsLayer = i;
            }
        }
        if (requestsLayer > durationLayer) {
            merged = merged.overriddenBy(new LoadSettings(Duration.ZERO, null, null, null, null, null, null, null, null));
        }
        return merged;
    }

    /** Every selected scenario with its settings. */
    public static List<RunPlan.PlannedScenario> scenarios(Suite suite, List<ScenarioDef> selected, RunPlan.Mode mode,
            LoadSettings commandLine) {
        List<RunPlan.PlannedScenario> planned = new ArrayList<>();
        for (ScenarioDef s : selected) {
            planned.add(new RunPlan.PlannedScenario(s, settingsFor(suite, s, mode, commandLine)));
        }
        return planned;
    }
}
