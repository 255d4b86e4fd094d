package org.fwbench.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class PortTest {

    @Test
    void readsThePortFromTheFirstArgument() {
        assertThat(Port.fromArgs(new String[] {"8080"})).isEqualTo(8080);
    }

    @Test
    void rejectsAMissingPortWithTheUsage() {
        assertThatIllegalArgumentException().isThrownBy(() -> Port.fromArgs(new String[0]))
                .withMessageContaining("usage: PORT");
    }

    @Test
    void rejectsWhatIsNotAPort() {
        assertThatIllegalArgumentException().isThrownBy(() -> Port.fromArgs(new String[] {"eighty"}))
                .withMessage("not a port number: 'eighty'");
        assertThatIllegalArgumentException().isThrownBy(() -> Port.fromArgs(new String[] {"70000"}))
                .withMessage("port out of range 1-65535: 70000");
    }
}
