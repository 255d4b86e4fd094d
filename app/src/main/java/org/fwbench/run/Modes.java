package org.fwbench.run;

import java.time.Duration;
import org.fwbench.config.LoadSettings;

/**
 * The seeds' experiments as presets: each mode fixes the load settings the original used, between the
 * suite's settings and the command line's (which still win).
 */
public final class Modes {

    private Modes() {
    }

    /** The load settings a mode imposes; {@link LoadSettings#EMPTY} for the standard comparison. */
    public static LoadSettings preset(RunPlan.Mode mode) {
        return switch (mode) {
            case STANDARD -> LoadSettings.EMPTY;
            // compare.py: 2000 calls per server, each on a new connection, 1 s timeout, all issued at once.
            case SEED_COMPARE -> new LoadSettings(Duration.ZERO, Duration.ZERO, 2000, 0.0, 2000L, Duration.ofSeconds(1),
                    false, 0.0, Duration.ZERO);
            // Locust: users added at a spawn rate, each sending a request then thinking 1 s; 2000 users
            // reached after 20 s of 30 offer up to 2000 req/s, past what the Python servers serve on 2 cores.
            case RAMP -> new LoadSettings(Duration.ofSeconds(30), Duration.ZERO, 2000, 0.0, 0L, Duration.ofSeconds(5),
                    true, 100.0, Duration.ofSeconds(1));
            // ab -n 1000 -c 4 (no -k: a new connection per request).
            case AB -> new LoadSettings(Duration.ZERO, Duration.ZERO, 4, 0.0, 1000L, Duration.ofSeconds(30), false,
                    0.0, Duration.ZERO);
        };
    }

    /** Repeats unless the command line says: the standard run's 3 for intervals; ab's 5 runs as in the seed. */
    public static int defaultRepeats(RunPlan.Mode mode) {
        return switch (mode) {
            case STANDARD -> 3;
            case SEED_COMPARE, RAMP -> 1;
            case AB -> 5;
        };
    }

    /** compare.py kept every server running while it hammered each; ab hammered one running server 5 times. */
    public static boolean together(RunPlan.Mode mode) {
        return mode == RunPlan.Mode.SEED_COMPARE;
    }

    public static boolean restart(RunPlan.Mode mode) {
        return mode != RunPlan.Mode.AB;
    }
}
