package org.fwbench.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadSettingsTest {

    private static LoadSettings count(long requests, Integer connections, Double rate) {
        return LoadSettings.builder().connections(connections).rate(rate).requests(requests).build();
    }

    @Test
    void aCountWithoutADurationMeansExactlyThatManyRequests() {
        LoadSettings s = LoadSettings.layered(List.of(LoadSettings.DEFAULTS, count(500, null, null)));

        assertThat(s.duration()).isEqualTo(Duration.ZERO);
        assertThat(s.requests()).isEqualTo(500);
    }

    @Test
    void aClosedModelCountCapsTheConnectionsAtTheCount() {
        LoadSettings s = LoadSettings.layered(List.of(LoadSettings.DEFAULTS, count(300, 2000, null)));

        assertThat(s.connections()).isEqualTo(300);
    }

    @Test
    void anOpenModelKeepsItsConnectionsWhateverTheCount() {
        LoadSettings s = LoadSettings.layered(List.of(LoadSettings.DEFAULTS, count(300, 2000, 100.0)));

        assertThat(s.connections()).isEqualTo(2000);
    }
}
