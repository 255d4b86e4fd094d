package org.fwbench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoadModelTest {

    @Test
    void eachModelChecksItsOwnValues() {
        assertThatIllegalArgumentException().isThrownBy(() -> LoadModel.Closed.of(0)).withMessageContaining("connections");
        assertThatIllegalArgumentException().isThrownBy(() -> LoadModel.Closed.of(2).withSpawnRate(-1))
                .withMessageContaining("spawn rate");
        assertThatIllegalArgumentException().isThrownBy(() -> new LoadModel.Open(0, 4)).withMessageContaining("rate");
        assertThatIllegalArgumentException().isThrownBy(() -> new LoadModel.Open(100, 0))
                .withMessageContaining("connections");
    }

    @Test
    void aRunEndsByADurationACountOrWhicheverComesFirst() {
        assertThatIllegalArgumentException().isThrownBy(() -> Stop.after(Duration.ZERO)).withMessageContaining("duration");
        assertThatIllegalArgumentException().isThrownBy(() -> Stop.afterRequests(0)).withMessageContaining("count");
        assertThat(Stop.afterEither(Duration.ofSeconds(1), 10).requests()).hasValue(10);
    }

    @Test
    void aSpecNeedsItsModelStopAndTimeout() {
        LoadSpec.Builder b = LoadSpec.to(URI.create("http://127.0.0.1:1/"));
        assertThat(org.assertj.core.api.Assertions.catchThrowable(b::build)).isInstanceOf(NullPointerException.class);

        LoadSpec spec = b.model(new LoadModel.Open(10, 2)).stop(Stop.afterRequests(5)).timeout(Duration.ofSeconds(1))
                .build();

        assertThat(spec.openModel()).isTrue();
        assertThat(spec.model().connections()).isEqualTo(2);
        assertThat(spec.method()).isEqualTo("GET");
    }
}
