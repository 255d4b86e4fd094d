package org.fwbench.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InstantsTest {

    @Test
    void isoWithAZoneAndEpochSecondsAreTheSameInstant() {
        Instant at = Instant.parse("2026-11-29T10:15:00Z");
        assertThat(Instants.parse("2026-11-29T10:15:00Z")).isEqualTo(at);
        assertThat(Instants.parse("2026-11-29T11:15:00+01:00")).isEqualTo(at);
        assertThat(Instants.parse(Long.toString(at.getEpochSecond()))).isEqualTo(at);
        assertThat(Instants.parse(at.getEpochSecond() + ".25")).isEqualTo(at.plusMillis(250));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-11-29T10:15:00", "tomorrow", "-5", "10s", ""})
    void aTimeWithoutAZoneOrNotATimeIsRefused(String text) {
        assertThatThrownBy(() -> Instants.parse(text)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("is not a time with a zone or epoch seconds");
    }
}
