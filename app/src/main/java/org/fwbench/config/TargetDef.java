package org.fwbench.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A server to start and measure. Strings may hold placeholders, expanded by {@link Placeholders} at
 * launch time.
 *
 * @param command  argv template; never a shell string
 * @param cwd      working folder, relative to the suite file's folder ("." when not given); see
 *                 {@link Placeholders#cwd}
 * @param env      extra environment variables
 * @param port     a fixed port, or null to let fwbench choose a free one
 * @param version  where the version comes from, or null when the suite does not say
 * @param requires a command run before the start whose non-zero exit means "not installed"; empty for none
 * @param paths    per-scenario path overrides, by scenario name
 */
public record TargetDef(String name, List<String> command, String cwd, Map<String, String> env, Integer port,
        Readiness ready, VersionSource version, List<String> requires, Map<String, String> paths) {

    public TargetDef {
        command = List.copyOf(command);
        env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
        requires = List.copyOf(requires);
        paths = Collections.unmodifiableMap(new LinkedHashMap<>(paths));
    }

    /** The path this target serves scenario {@code s} at (a template: expand it with {@link Placeholders#expand}). */
    public String pathFor(ScenarioDef s) {
        return paths.getOrDefault(s.name(), s.path());
    }
}
