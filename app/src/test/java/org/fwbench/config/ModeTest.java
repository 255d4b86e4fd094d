package org.fwbench.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModeTest {

    @Test
    void modesAreFoundByTheirLabels() {
        assertThat(Mode.byLabel("seed-compare")).contains(Mode.SEED_COMPARE);
        assertThat(Mode.byLabel("Seed-Compare")).isEmpty();
        assertThat(Mode.labels()).isEqualTo("standard, seed-compare, ramp, ab");
    }

    @Test
    void theCommandLineWinsOverAPresetAndItsCountEndsTheRampWithThePresetsDuration() {
        LoadSettings commandLine = LoadSettings.builder().requests(500L).connections(50).build();

        LoadSettings s = LoadSettings.layered(List.of(LoadSettings.DEFAULTS, Mode.RAMP.withCommandLine(commandLine)));

        assertThat(s.connections()).isEqualTo(50);
        assertThat(s.requests()).isEqualTo(500);
        assertThat(s.duration()).as("one layer: whichever comes first").isEqualTo(Duration.ofSeconds(30));
        assertThat(s.spawnRate()).isEqualTo(100.0);
    }

    @Test
    void eachModeCarriesTheSeedsRepeatsAndProcessHandling() {
        assertThat(Mode.STANDARD.preset()).isEqualTo(LoadSettings.EMPTY);
        assertThat(Mode.STANDARD.defaultRepeats()).isEqualTo(3);
        assertThat(Mode.AB.defaultRepeats()).isEqualTo(5);
        assertThat(Mode.AB.restart()).isFalse();
        assertThat(Mode.SEED_COMPARE.together()).isTrue();
        assertThat(Mode.SEED_COMPARE.preset().keepAlive()).isFalse();
    }

    @Test
    void seedCompareArrivesAtTheSeedLoopsPaceWithNoCapAndRateZeroIsTheBurst() {
        LoadSettings paced = LoadSettings.layered(List.of(LoadSettings.DEFAULTS, Mode.SEED_COMPARE.withCommandLine(LoadSettings.EMPTY)));
        assertThat(paced.rate()).isEqualTo(Mode.SEED_ARRIVAL_RATE);
        assertThat(paced.connections()).as("no cap: one connection per call at most").isEqualTo(2000);
        assertThat(paced.requests()).isEqualTo(2000);
        assertThat(paced.timeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(paced.keepAlive()).isFalse();

        LoadSettings burst = LoadSettings.layered(List.of(LoadSettings.DEFAULTS,
                Mode.SEED_COMPARE.withCommandLine(LoadSettings.builder().rate(0.0).build())));
        assertThat(burst.rate()).as("the closed model").isZero();
        assertThat(burst.connections()).as("all at once").isEqualTo(2000);

        LoadSettings capped = LoadSettings.layered(List.of(LoadSettings.DEFAULTS,
                Mode.SEED_COMPARE.withCommandLine(LoadSettings.builder().rate(0.0).connections(1).build())));
        assertThat(capped.connections()).isEqualTo(1);
    }
}
