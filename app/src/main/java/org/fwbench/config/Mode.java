package org.fwbench.config;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.fwbench.load.LoadModel;

/**
 * A run's experiment: the standard comparison, or one of the seeds' experiments. Each mode carries what
 * the original did: a preset of load settings (between the suite's settings and the command line's,
 * which still win), how often to repeat, and whether the targets run together or restart per repeat.
 */
public enum Mode {

    STANDARD("standard", LoadSettings.EMPTY, 3, false, true),

    /**
     * compare.py: 2000 calls per server, each on a new connection with a 1 s timeout, arriving at the pace
     * of the seed's thread-per-call loop ({@link #SEED_ARRIVAL_RATE}) with no cap on those in flight;
     * every server kept running while each is hammered in turn.
     */
    SEED_COMPARE("seed-compare", LoadSettings.builder()
            .duration(Duration.ZERO)
            .warmup(Duration.ZERO)
            .connections(2000)
            .rate(Mode.SEED_ARRIVAL_RATE)
            .arrivals(LoadModel.Arrivals.POISSON)
            .requests(2000L)
            .timeout(Duration.ofSeconds(1))
            .keepAlive(false)
            .spawnRate(0.0)
            .thinkTime(Duration.ZERO)
            .build(), 1, true, true),

    /**
     * Locust: users added at a spawn rate, each sending a request then thinking 1 s; 2000 users reached
     * after 20 s of 30 offer up to 2000 req/s, past what the Python servers serve on 2 cores.
     */
    RAMP("ramp", LoadSettings.builder()
            .duration(Duration.ofSeconds(30))
            .warmup(Duration.ZERO)
            .connections(2000)
            .rate(0.0)
            .requests(0L)
            .timeout(Duration.ofSeconds(5))
            .keepAlive(true)
            .spawnRate(100.0)
            .thinkTime(Duration.ofSeconds(1))
            .build(), 1, false, true),

    /** ab -n 1000 -c 4 (no -k: a new connection per request), 5 runs against one running server. */
    AB("ab", LoadSettings.builder()
            .duration(Duration.ZERO)
            .warmup(Duration.ZERO)
            .connections(4)
            .rate(0.0)
            .requests(1000L)
            .timeout(Duration.ofSeconds(30))
            .keepAlive(false)
            .spawnRate(0.0)
            .thinkTime(Duration.ZERO)
            .build(), 5, false, false);

    /**
     * Calls per second at which compare.py's loop started its threads, each opening its connection at once:
     * measured with bench/seed-hammer.py (a re-creation of its hammer()) against the five seed apps on an
     * otherwise idle 2-core VM, client on one CPU, servers on the other (medians of 758 to 804 in four runs of
     * bench/seed-compare.sh); docs/seeds.md has the rounds. The threads' connects reach the server at random moments
     * around that pace, hence the mode's Poisson arrivals. {@code --rate} overrides it, {@code --rate 0}
     * issues all calls at once.
     */
    public static final double SEED_ARRIVAL_RATE = 800.0;

    private final String label;
    private final LoadSettings preset;
    private final int defaultRepeats;
    private final boolean together;
    private final boolean restart;

    Mode(String label, LoadSettings preset, int defaultRepeats, boolean together, boolean restart) {
        this.label = label;
        this.preset = preset;
        this.defaultRepeats = defaultRepeats;
        this.together = together;
        this.restart = restart;
    }

    /** The name on the command line and in the results, e.g. {@code seed-compare}. */
    public String label() {
        return label;
    }

    /** The mode called {@code label}, if there is one. */
    public static Optional<Mode> byLabel(String label) {
        return Arrays.stream(values()).filter(m -> m.label.equals(label)).findFirst();
    }

    /** Every mode's label, for messages: {@code standard, seed-compare, ramp, ab}. */
    public static String labels() {
        return Arrays.stream(values()).map(Mode::label).collect(Collectors.joining(", "));
    }

    /** The load settings this mode imposes; {@link LoadSettings#EMPTY} for the standard comparison. */
    public LoadSettings preset() {
        return preset;
    }

    /**
     * The layer of settings this mode and the command line form together: the preset with the command
     * line's values over it. One layer, so that a count on the command line ends the run together with
     * a preset's duration (whichever comes first, see {@link LoadSettings#layered}).
     */
    public LoadSettings withCommandLine(LoadSettings commandLine) {
        return preset.overriddenBy(commandLine);
    }

    /** Repeats unless the command line says: the standard run's 3 for intervals; ab's 5 runs as in the seed. */
    public int defaultRepeats() {
        return defaultRepeats;
    }

    /** compare.py kept every server running while it hammered each. */
    public boolean together() {
        return together;
    }

    /** A fresh start per repeat; ab hammered one running server 5 times. */
    public boolean restart() {
        return restart;
    }
}
