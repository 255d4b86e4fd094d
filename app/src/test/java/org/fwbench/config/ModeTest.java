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
}
