package org.fwbench.targets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class ListenTest {

    @Test
    void readsThePortAndServesCleartextHttp1ByDefault() {
        assertThat(Listen.fromArgs(new String[] {"8080"})).isEqualTo(new Listen(8080, Transport.HTTP1));
    }

    @Test
    void aFlagAfterThePortAsksForH2cOrTls() {
        assertThat(Listen.fromArgs(new String[] {"8080", "--h2c"}).transport()).isEqualTo(Transport.H2C);
        assertThat(Listen.fromArgs(new String[] {"8080", "--tls"}).transport()).isEqualTo(Transport.TLS);
    }

    @Test
    void rejectsAMissingPortWithTheUsage() {
        assertThatIllegalArgumentException().isThrownBy(() -> Listen.fromArgs(new String[0]))
                .withMessageContaining("usage: PORT [--h2c | --tls]");
    }

    @Test
    void rejectsWhatIsNotAPortOrAFlag() {
        assertThatIllegalArgumentException().isThrownBy(() -> Listen.fromArgs(new String[] {"eighty"}))
                .withMessage("not a port number: 'eighty'");
        assertThatIllegalArgumentException().isThrownBy(() -> Listen.fromArgs(new String[] {"70000"}))
                .withMessage("port out of range 1-65535: 70000");
        assertThatIllegalArgumentException().isThrownBy(() -> Listen.fromArgs(new String[] {"8080", "--h2"}))
                .withMessage("unknown option '--h2' (usage: PORT [--h2c | --tls] | --version)");
    }
}
