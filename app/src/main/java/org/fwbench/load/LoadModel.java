package org.fwbench.load;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How requests are issued: by a fixed number of users that each wait for their response (closed), or at a
 * constant arrival rate whatever the server does (open). Each model checks its own values. Either may be
 * ended by a request count as well as by a duration (see {@link Stop}).
 */
public sealed interface LoadModel {

    /** Connections the engine opens at most: the closed model's users, the open model's ceiling. */
    int connections();

    /**
     * The closed model: {@code connections} users, each sending a request, waiting for the response,
     * pausing {@code thinkTime} and sending the next.
     *
     * @param spawnRate users added per second while ramping up; 0 to start them all at once
     */
    record Closed(int connections, double spawnRate, Duration thinkTime) implements LoadModel {
        public Closed {
            Objects.requireNonNull(thinkTime, "thinkTime");
            if (connections < 1) {
                throw new IllegalArgumentException("connections must be at least 1, not " + connections);
            }
            if (spawnRate < 0) {
                throw new IllegalArgumentException("the spawn rate must be 0 or more, not " + spawnRate);
            }
            if (thinkTime.isNegative()) {
                throw new IllegalArgumentException("the think time must not be negative, not " + thinkTime);
            }
        }

        /** {@code connections} users started all at once, with no pause between a response and the next request. */
        public static Closed of(int connections) {
            return new Closed(connections, 0, Duration.ZERO);
        }

        public Closed withSpawnRate(double usersPerSecond) {
            return new Closed(connections, usersPerSecond, thinkTime);
        }

        public Closed withThinkTime(Duration pause) {
            return new Closed(connections, spawnRate, pause);
        }
    }

    /**
     * The open model: requests scheduled at {@code rate} per second; latency counts from each request's
     * scheduled start, so a slow server cannot hide its queue (coordinated omission).
     *
     * @param maxConnections the most connections the engine may open to keep up with the schedule
     * @param arrivals       how the arrivals are spaced: evenly, or at random moments with the same mean rate
     */
    record Open(double rate, int maxConnections, Arrivals arrivals) implements LoadModel {
        public Open {
            Objects.requireNonNull(arrivals, "arrivals");
            if (!(rate > 0)) {
                throw new IllegalArgumentException("the rate must be more than 0, not " + rate);
            }
            if (maxConnections < 1) {
                throw new IllegalArgumentException("connections must be at least 1, not " + maxConnections);
            }
        }

        /** Evenly spaced arrivals, as wrk2 sends them. */
        public Open(double rate, int maxConnections) {
            this(rate, maxConnections, Arrivals.EVEN);
        }

        @Override
        public int connections() {
            return maxConnections;
        }
    }

    /** How an open model's arrivals are spaced in time. */
    enum Arrivals {
        /** One every 1/rate seconds, as wrk2 schedules them: the gentlest load at that rate. */
        EVEN,
        /**
         * Independent arrivals at random moments (exponential gaps with a mean of 1/rate): the clumps many
         * independent clients make, such as a thread started per request (compare.py's loop).
         */
        POISSON;

        /** The name in suite files, on the command line and in results: {@code even}, {@code poisson}. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Every spacing's key, for messages: {@code even or poisson}. */
        public static String keys() {
            return Arrays.stream(values()).map(Arrivals::key).collect(Collectors.joining(" or "));
        }

        /** The spacing called {@code key}, if there is one. */
        public static Optional<Arrivals> byKey(String key) {
            return Arrays.stream(values()).filter(a -> a.key().equals(key)).findFirst();
        }
    }
}
