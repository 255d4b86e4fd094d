package org.fwbench.cli;

import java.time.Duration;
import org.fwbench.config.LoadSettings;
import org.fwbench.load.LoadModel;
import picocli.CommandLine.Option;

/**
 * The load options {@code run} and {@code hammer} share. Each is null when not given, so that it
 * overrides only what the user said (a suite's or a command's own defaults stay underneath).
 */
final class LoadOptions {

    @Option(names = {"-c", "--connections", "--users"}, paramLabel = "N",
            description = "Connections (closed model: concurrent users; open model: the most it may open).")
    Integer connections;

    @Option(names = {"-d", "--duration"}, paramLabel = "DURATION", description = "Measured time, e.g. 500ms, 10s, 2m.")
    Duration duration;

    @Option(names = {"-n", "--requests"}, paramLabel = "N",
            description = "Exactly N completed attempts (successes and failures), like ab -n; with no -d, no time limit.")
    Long requests;

    @Option(names = {"-R", "--rate"}, paramLabel = "RPS",
            description = "Open model: requests per second at a constant arrival rate; latency counts from each request's scheduled start. "
                    + "0: the closed model (undoes a suite's or a mode's rate).")
    Double rate;

    @Option(names = "--arrivals", paramLabel = "SPACING", description = "Open model: even (one every 1/RPS s, "
            + "as wrk2; the default) or poisson (random moments at that mean rate, as many independent clients).")
    String arrivals;

    @Option(names = "--warmup", paramLabel = "DURATION", description = "Load sent first and not counted; for run "
            + "its maximum: each start is warmed up on its scenarios in turn until each is steady, at most this long.")
    Duration warmup;

    @Option(names = "--timeout", paramLabel = "DURATION",
            description = "Per-request timeout; an expired request is a timeout error and its connection is replaced.")
    Duration timeout;

    @Option(names = "--no-keepalive", description = "A new TCP connection for every request.")
    boolean noKeepAlive;

    @Option(names = "--spawn-rate", paramLabel = "USERS/S", description = "Closed model: users (connections) added per second, a ramp.")
    Double spawnRate;

    @Option(names = "--think-time", paramLabel = "DURATION",
            description = "Closed model: pause of each user between a response and its next request.")
    Duration thinkTime;

    /** What was given, as a layer over other settings; bad values are one-line usage errors. */
    LoadSettings settings() {
        positive("--connections", connections == null ? null : connections.doubleValue(), false);
        positive("--requests", requests == null ? null : requests.doubleValue(), false);
        positive("--rate", rate, true);
        positive("--spawn-rate", spawnRate, true);
        if (duration != null && duration.isZero()) {
            throw new UsageException("--duration must be more than 0 (or give -n alone)");
        }
        if (timeout != null && timeout.isZero()) {
            throw new UsageException("--timeout must be more than 0");
        }
        LoadModel.Arrivals spacing = arrivals == null ? null : LoadModel.Arrivals.byKey(arrivals)
                .orElseThrow(() -> new UsageException("--arrivals must be " + LoadModel.Arrivals.keys() + ", not " + arrivals));
        return LoadSettings.builder().duration(duration).warmup(warmup).connections(connections).rate(rate)
                .requests(requests).timeout(timeout).keepAlive(noKeepAlive ? Boolean.FALSE : null).spawnRate(spawnRate)
                .thinkTime(thinkTime).arrivals(spacing).build();
    }

    private static void positive(String option, Double value, boolean zeroAllowed) {
        if (value != null && (value < 0 || (!zeroAllowed && value == 0))) {
            throw new UsageException(option + " must be " + (zeroAllowed ? "0 or more" : "more than 0") + ", not "
                    + (value == Math.rint(value) ? String.valueOf(value.longValue()) : String.valueOf(value)));
        }
    }
}
