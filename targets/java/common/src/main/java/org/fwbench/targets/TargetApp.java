package org.fwbench.targets;

/**
 * One framework's server: its name, the framework version found at runtime, and how to start it.
 *
 * @param framework the framework's name as printed by {@code --version}, e.g. {@code Jetty}
 * @param version   the framework library's version, read from the library itself
 * @param starter   binds 127.0.0.1 on a port and serves the routes until closed
 */
public record TargetApp(String framework, String version, Starter starter) {

    /** Starts a server; closing the returned handle stops it. */
    @FunctionalInterface
    public interface Starter {
        AutoCloseable start(int port) throws Exception;
    }

    /** What {@code --version} prints, e.g. {@code Jetty 12.1.14}. */
    public String versionLine() {
        return framework + " " + version;
    }
}
