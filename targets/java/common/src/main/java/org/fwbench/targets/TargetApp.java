package org.fwbench.targets;

import java.util.EnumSet;
import java.util.Set;

/**
 * One framework's server: its name, the framework version found at runtime, what it can serve and how to start it.
 *
 * @param framework  the framework's name as printed by {@code --version}, e.g. {@code Jetty}
 * @param version    the framework library's version, read from the library itself
 * @param transports what the starter can serve; {@link Transport#HTTP1} always
 * @param starter    binds 127.0.0.1 on a port and serves the routes until closed
 */
public record TargetApp(String framework, String version, Set<Transport> transports, Starter starter) {

    /** Every transport: the targets that serve h2c and TLS on request. */
    public static final Set<Transport> ALL_TRANSPORTS = Set.copyOf(EnumSet.allOf(Transport.class));

    public TargetApp {
        transports = Set.copyOf(transports);
        if (!transports.contains(Transport.HTTP1)) {
            throw new IllegalArgumentException("every target serves cleartext HTTP/1.1");
        }
    }

    /** A target that serves cleartext HTTP/1.1 only. */
    public static TargetApp http1(String framework, String version, Starter starter) {
        return new TargetApp(framework, version, Set.of(Transport.HTTP1), starter);
    }

    /** A target that also serves h2c and TLS (h2 and http/1.1 by ALPN) when asked. */
    public static TargetApp anyTransport(String framework, String version, Starter starter) {
        return new TargetApp(framework, version, ALL_TRANSPORTS, starter);
    }

    /** Starts a server; closing the returned handle stops it. */
    @FunctionalInterface
    public interface Starter {
        AutoCloseable start(Listen listen) throws Exception;
    }

    /** What {@code --version} prints, e.g. {@code Jetty 12.1.14}. */
    public String versionLine() {
        return framework + " " + version;
    }
}
