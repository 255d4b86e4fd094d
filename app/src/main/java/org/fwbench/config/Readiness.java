package org.fwbench.config;

import java.time.Duration;

/**
 * How to tell that a started target is ready: {@code path} is polled until it answers, for at most
 * {@code timeout}. The path may hold placeholders.
 */
public record Readiness(String path, Duration timeout) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
}
