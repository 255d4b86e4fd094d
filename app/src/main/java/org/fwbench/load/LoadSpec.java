package org.fwbench.load;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What to send, how hard and for how long: everything the engine needs for one load run, and nothing
 * about where the URL came from.
 *
 * @param url         http URL on the server under load
 * @param method      request method, e.g. GET
 * @param headers     extra request headers, in order (Host, Content-Length and Connection are the engine's)
 * @param body        request body; empty for none
 * @param connections closed model: concurrent connections (users); open model: the most connections
 *                    the engine may open
 * @param duration    measured time; {@link Duration#ZERO} when only {@code requests} ends the run
 * @param requests    completed attempts that end the run (like ab's -n); 0 for no such limit
 * @param warmup      load sent before the measured window and not counted; ZERO for none
 * @param timeout     per-request timeout; an expired request is a {@code timeout} error
 * @param keepAlive   false: a new TCP connection for every request
 * @param rate        open model: requests per second at a constant arrival rate; 0 for the closed model
 * @param spawnRate   closed model ramp: users (connections) added per second; 0 to start them all at once
 * @param thinkTime   closed model: pause of a user between a response and its next request
 * @param expect      what a successful response is
 */
public record LoadSpec(
        URI url,
        String method,
        List<Header> headers,
        byte[] body,
        int connections,
        Duration duration,
        long requests,
        Duration warmup,
        Duration timeout,
        boolean keepAlive,
        double rate,
        double spawnRate,
        Duration thinkTime,
        Expectation expect) {

    public LoadSpec {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(method, "method");
        headers = List.copyOf(headers);
        body = body.clone();
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(warmup, "warmup");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(thinkTime, "thinkTime");
        Objects.requireNonNull(expect, "expect");
        if (connections < 1) {
            throw new IllegalArgumentException("connections must be at least 1, not " + connections);
        }
        if (requests < 0) {
            throw new IllegalArgumentException("requests must not be negative, not " + requests);
        }
        if (duration.isZero() && requests == 0) {
            throw new IllegalArgumentException("a run needs a duration or a request count");
        }
        if (rate < 0 || spawnRate < 0) {
            throw new IllegalArgumentException("rates must not be negative");
        }
    }

    /** A closed-model GET of {@code url} with the engine's defaults: 10 connections, 10 s, 2 s timeout. */
    public static LoadSpec get(URI url) {
        return new LoadSpec(url, "GET", List.of(), new byte[0], 10, Duration.ofSeconds(10), 0, Duration.ZERO,
                Duration.ofSeconds(2), true, 0, 0, Duration.ZERO, Expectation.ANY_SUCCESS);
    }

    public boolean openModel() {
        return rate > 0;
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** One request header. */
    public record Header(String name, String value) {
        public Header {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * What counts as success: the given status (or any 2xx/3xx when {@code status} is 0) and, when
     * {@code body} is not null, exactly that body. A response that misses either is a
     * {@code validation} error when an expectation was set, a {@code status} error otherwise.
     */
    public record Expectation(int status, byte[] body) {
        public static final Expectation ANY_SUCCESS = new Expectation(0, null);

        public Expectation {
            body = body == null ? null : body.clone();
        }

        @Override
        public byte[] body() {
            return body == null ? null : body.clone();
        }
    }
}
