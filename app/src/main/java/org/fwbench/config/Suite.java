package org.fwbench.config;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A suite file as read by {@link SuiteLoader}: targets to start and scenarios to send each of them.
 *
 * @param file the file as it was named, for messages
 * @param vars the suite's variables; a string variable is a list of one
 * @param load the suite's default load settings (unset values are null)
 */
public record Suite(Path file, String name, String description, Map<String, List<String>> vars, LoadSettings load,
        List<ScenarioDef> scenarios, List<TargetDef> targets) {

    public Suite {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        vars.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        vars = Collections.unmodifiableMap(copy);
        scenarios = List.copyOf(scenarios);
        targets = List.copyOf(targets);
    }

    public Optional<TargetDef> target(String name) {
        return targets.stream().filter(t -> t.name().equals(name)).findFirst();
    }

    public Optional<ScenarioDef> scenario(String name) {
        return scenarios.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The folder relative paths in the suite are resolved against (the {@code suiteDir} placeholder). */
    public Path directory() {
        return file.toAbsolutePath().normalize().getParent();
    }

    /**
     * The settings a scenario runs with, every value set: built-in defaults, then the suite's, then the
     * scenario's, then {@code overrides} (the command line's; {@link LoadSettings#EMPTY} for none), by
     * {@link LoadSettings#layered}.
     */
    public LoadSettings loadFor(ScenarioDef scenario, LoadSettings overrides) {
        return LoadSettings.layered(List.of(LoadSettings.DEFAULTS, load, scenario.load(), overrides));
    }
}
