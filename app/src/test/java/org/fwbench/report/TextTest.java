package org.fwbench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextTest {

    @Test
    void countsLeaveOutKindsThatNeverHappened() {
        assertThat(Text.counts(Map.of("timeout", 0L, "reset", 3L, "connect", 1L))).isEqualTo("connect:1 reset:3");
        assertThat(Text.counts(Map.of("timeout", 0L))).isEqualTo("-");
        assertThat(Text.counts(Map.of())).isEqualTo("-");
    }

    @Test
    void aCommandLineIsQuotedSoThatAShellTakesItBack() {
        assertThat(Text.command(List.of("fwbench", "run", "--fail-if", "p99>50ms", "--targets", "a,b",
                "my suite.yaml", "it's"))).isEqualTo("fwbench run --fail-if 'p99>50ms' --targets a,b 'my suite.yaml' "
                        + "'it'\\''s'");
    }
}
