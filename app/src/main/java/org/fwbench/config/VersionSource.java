package org.fwbench.config;

import java.util.List;

/**
 * Where a target's version comes from: exactly one of {@code fixed} (the version itself) and
 * {@code command} (an argv template whose first non-empty output line is the version) is non-null.
 */
public record VersionSource(String fixed, List<String> command) {

    public VersionSource {
        command = command == null ? null : List.copyOf(command);
        if ((fixed == null) == (command == null)) {
            throw new IllegalArgumentException("a version is either fixed or a command");
        }
    }
}
