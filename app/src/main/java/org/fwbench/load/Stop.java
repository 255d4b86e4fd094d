package org.fwbench.load;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * When the measured window of a load ends: after a duration, after a number of completed attempts
 * (successes and failures, like ab's -n), or at whichever of the two comes first.
 */
public record Stop(Optional<Duration> duration, OptionalLong requests) {

    public Stop {
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(requests, "requests");
        if (duration.isEmpty() && requests.isEmpty()) {
            throw new IllegalArgumentException("a run needs a duration or a request count");
        }
        if (duration.isPresent() && !duration.get().isPositive()) {
            throw new IllegalArgumentException("the duration must be more than 0, not " + duration.get());
        }
        if (requests.isPresent() && requests.getAsLong() < 1) {
            throw new IllegalArgumentException("the request count must be at least 1, not " + requests.getAsLong());
        }
    }

    public static Stop after(Duration duration) {
        return new Stop(Optional.of(duration), OptionalLong.empty());
    }

    public static Stop afterRequests(long requests) {
        return new Stop(Optional.empty(), OptionalLong.of(requests));
    }

    /** Whichever comes first: {@code duration} or {@code requests} completed attempts. */
    public static Stop afterEither(Duration duration, long requests) {
        return new Stop(Optional.of(duration), OptionalLong.of(requests));
    }
}
