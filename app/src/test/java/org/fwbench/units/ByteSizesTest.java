package org.fwbench.units;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ByteSizesTest {

    @Test
    void binaryAndDecimalUnitsMeanWhatTheySay() {
        assertThat(ByteSizes.parse("200MiB")).isEqualTo(200L * 1024 * 1024);
        assertThat(ByteSizes.parse("1.5GiB")).isEqualTo(1536L * 1024 * 1024);
        assertThat(ByteSizes.parse("300MB")).isEqualTo(300_000_000L);
        assertThat(ByteSizes.parse("64 kib")).isEqualTo(65_536L);
        assertThat(ByteSizes.parse("4096B")).isEqualTo(4096L);
    }

    @Test
    void aBareNumberOrUnknownUnitIsRejectedWithExamples() {
        assertThatThrownBy(() -> ByteSizes.parse("200")).isInstanceOf(InvalidValueException.class)
                .hasMessage("'200' is not a size (examples: 200MiB, 1.5GiB, 300MB)");
        assertThatThrownBy(() -> ByteSizes.parse("2 parsecs")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> ByteSizes.parse("-1MiB")).isInstanceOf(InvalidValueException.class);
    }
}
