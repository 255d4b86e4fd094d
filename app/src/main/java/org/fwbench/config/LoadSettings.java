package org.fwbench.config;

import java.time.Duration;
import java.util.List;

/**
 * How hard and how long to load a scenario. Every field may be null, meaning "not said here": suite
 * defaults, a scenario's own values and the command line's options are layered with
 * {@link #overriddenBy}, on top of {@link #DEFAULTS}.
 *
 * @param rate      requests per second for the open model; 0 for the closed model
 * @param requests  a fixed number of requests that ends the run; 0 for none
 * @param spawnRate connections (users) added per second while ramping up; 0 to start them all at once
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
        Duration thinkTime) {

    public static final LoadSettings EMPTY = new LoadSettings(null, null, null, null, null, null, null, null, null);

    public static final LoadSettings DEFAULTS = new LoadSettings(Duration.ofSeconds(5), Duration.ofSeconds(1), 16,
            0.0, 0L, Duration.ofSeconds(2), true, 0.0, Duration.ZERO);

    /** These settings with every value that {@code other} sets replaced by {@code other}'s. */
    public LoadSettings overriddenBy(LoadSettings other) {
        return new LoadSettings(
                pick(other.duration, duration),
                pick(other.warmup, warmup),
                pick(other.connections, connections),
                pick(other.rate, rate),
                pick(other.requests, requests),
                pick(other.timeout, timeout),
                pick(other.keepAlive, keepAlive),
                pick(other.spawnRate, spawnRate),
                pick(other.thinkTime, thinkTime));
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
            merged = merged.overriddenBy(new LoadSettings(Duration.ZERO, null, null, null, null, null, null, null, null));
        }
        // A closed-model run of N requests never needs more than N connections (the seed's "all at once").
        if (merged.requests() != null && merged.requests() > 0 && merged.connections() != null
                && merged.connections() > merged.requests() && (merged.rate() == null || merged.rate() == 0)) {
            merged = merged.overriddenBy(new LoadSettings(null, null, merged.requests().intValue(), null, null, null,
                    null, null, null));
        }
        return merged;
    }

    private static <T> T pick(T preferred, T fallback) {
        return preferred != null ? preferred : fallback;
    }
}
