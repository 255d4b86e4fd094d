package org.fwbench.server;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to start one target.
 *
 * @param name         shown in messages
 * @param command      the argv, not a shell string
 * @param cwd          working directory; null for fwbench's own
 * @param env          added to fwbench's environment
 * @param readinessUrl polled until it answers with a status below 500
 * @param readyTimeout how long readiness may take
 * @param logFile      stdout and stderr are appended here
 * @param cpus         CPUs to pin the target's tree to; null for no pinning
 */
public record LaunchSpec(String name, List<String> command, Path cwd, Map<String, String> env, URI readinessUrl,
                         Duration readyTimeout, Path logFile, CpuSet cpus) {

    public LaunchSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(readinessUrl, "readinessUrl");
        Objects.requireNonNull(logFile, "logFile");
        command = List.copyOf(command);
        if (command.isEmpty()) {
            throw new IllegalArgumentException("target '" + name + "' has an empty command");
        }
        env = env == null ? Map.of() : Map.copyOf(env);
        if (readyTimeout == null || readyTimeout.isNegative() || readyTimeout.isZero()) {
            throw new IllegalArgumentException("target '" + name + "' needs a positive readiness timeout");
        }
    }
}
