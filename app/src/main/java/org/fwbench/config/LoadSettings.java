package org.fwbench.config;

import java.time.Duration;
import java.util.List;
import org.fwbench.load.LoadModel;

/**
 * How hard and how long to load a scenario. Every field may be null, meaning "not said here": the
 * defaults, a suite's values, a scenario's own, a mode's preset and the command line's options are
 * layered with {@link #layered}. Built by name with {@link #builder()}. Once layered over
 * {@link #DEFAULTS} (or {@link #HAMMER_DEFAULTS}) every field is set, and {@link LoadSpecs} turns the
 * settings into what the load engine runs.
 *
 * @param rate      requests per second for the open model; 0 for the closed model
 * @param requests  a fixed number of requests that ends the run; 0 for none
 * @param spawnRate connections (users) added per second while ramping up; 0 to start them all at once
 * @param streams   HTTP/2: requests in flight at once on each connection (h2load's -m); not used by HTTP/1.1
 * @param arrivals  open model: arrivals evenly spaced or at random moments (Poisson); not used by the closed model
 */
public record LoadSettings(
        Duration duration,
        Duration warmup,
        Integer connections,
        Double rate,
        Long requests,
        Duration timeout,
        Boolean keepAlive,
        Double spawnRate,
        Duration thinkTime,
        Integer streams,
        LoadModel.Arrivals arrivals) {

    /** Nothing said: a layer that changes nothing. */
    public static final LoadSettings EMPTY = builder().build();

    /** {@code fwbench run}'s built-in defaults, under a suite's settings (docs/suites.md lists them). */
    public static final LoadSettings DEFAULTS = builder()
            .duration(Duration.ofSeconds(5))
            .warmup(Duration.ofSeconds(1))
            .connections(16)
            .rate(0.0)
            .requests(0L)
            .timeout(Duration.ofSeconds(2))
            .keepAlive(true)
            .spawnRate(0.0)
            .thinkTime(Duration.ZERO)
            .streams(1)
            .arrivals(LoadModel.Arrivals.EVEN)
            .build();

    /**
     * {@code fwbench hammer}'s: like wrk's and hey's, 10 connections for 10 s (none when only -n is given)
     * and no warm-up; the rest as {@link #DEFAULTS}.
     */
    public static final LoadSettings HAMMER_DEFAULTS = DEFAULTS.toBuilder()
            .duration(Duration.ofSeconds(10))
            .warmup(Duration.ZERO)
            .connections(10)
            .build();

    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from these settings. */
    public Builder toBuilder() {
        return new Builder().duration(duration).warmup(warmup).connections(connections).rate(rate).requests(requests)
                .timeout(timeout).keepAlive(keepAlive).spawnRate(spawnRate).thinkTime(thinkTime).streams(streams)
                .arrivals(arrivals);
    }

    /** These settings with every value that {@code other} sets replaced by {@code other}'s. */
    public LoadSettings overriddenBy(LoadSettings other) {
        return new Builder()
                .duration(pick(other.duration, duration))
                .warmup(pick(other.warmup, warmup))
                .connections(pick(other.connections, connections))
                .rate(pick(other.rate, rate))
                .requests(pick(other.requests, requests))
                .timeout(pick(other.timeout, timeout))
                .keepAlive(pick(other.keepAlive, keepAlive))
                .spawnRate(pick(other.spawnRate, spawnRate))
                .thinkTime(pick(other.thinkTime, thinkTime))
                .streams(pick(other.streams, streams))
                .arrivals(pick(other.arrivals, arrivals))
                .build();
    }

    /**
     * Layers settings, later ones winning. A layer that sets a request count without a duration means
     * "exactly that many requests": a duration from a lower layer then no longer ends the run. A
     * closed-model count of N caps the connections at N.
     */
    public static LoadSettings layered(List<LoadSettings> layers) {
        LoadSettings merged = EMPTY;
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
            merged = merged.toBuilder().duration(Duration.ZERO).build();
        }
        // A closed-model run of N requests never needs more than N connections (the seed's "all at once").
        if (merged.requests() != null && merged.requests() > 0 && merged.connections() != null
                && merged.connections() > merged.requests() && (merged.rate() == null || merged.rate() == 0)) {
            merged = merged.toBuilder().connections(merged.requests().intValue()).build();
        }
        return merged;
    }

    private static <T> T pick(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }

    /** Settings by name; whatever is not set stays null ("not said here"). */
    public static final class Builder {
        private Duration duration;
        private Duration warmup;
        private Integer connections;
        private Double rate;
        private Long requests;
        private Duration timeout;
        private Boolean keepAlive;
        private Double spawnRate;
        private Duration thinkTime;
        private Integer streams;
        private LoadModel.Arrivals arrivals;

        private Builder() {
        }

        /** Measured time; {@link Duration#ZERO} when only the request count ends the run. */
        public Builder duration(Duration d) {
            duration = d;
            return this;
        }

        public Builder warmup(Duration d) {
            warmup = d;
            return this;
        }

        public Builder connections(Integer n) {
            connections = n;
            return this;
        }

        public Builder rate(Double perSecond) {
            rate = perSecond;
            return this;
        }

        public Builder requests(Long n) {
            requests = n;
            return this;
        }

        public Builder timeout(Duration d) {
            timeout = d;
            return this;
        }

        public Builder keepAlive(Boolean on) {
            keepAlive = on;
            return this;
        }

        public Builder spawnRate(Double perSecond) {
            spawnRate = perSecond;
            return this;
        }

        public Builder thinkTime(Duration d) {
            thinkTime = d;
            return this;
        }

        /** HTTP/2's concurrent streams per connection. */
        public Builder streams(Integer n) {
            streams = n;
            return this;
        }

        /** Open model: how the arrivals are spaced. */
        public Builder arrivals(LoadModel.Arrivals spacing) {
            arrivals = spacing;
            return this;
        }

        public LoadSettings build() {
            return new LoadSettings(duration, warmup, connections, rate, requests, timeout, keepAlive, spawnRate,
                    thinkTime, streams, arrivals);
        }
    }
}
