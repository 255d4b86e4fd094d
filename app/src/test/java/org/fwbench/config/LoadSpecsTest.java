package org.fwbench.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.fwbench.load.HttpVersion;
import org.fwbench.load.LoadModel;
import org.fwbench.load.LoadSpec;
import org.fwbench.load.Stop;
import org.junit.jupiter.api.Test;

class LoadSpecsTest {

    private static final URI URL = URI.create("http://127.0.0.1:8080/echo");

    private static LoadSettings resolved(LoadSettings commandLine) {
        return LoadSettings.layered(List.of(LoadSettings.DEFAULTS, commandLine));
    }

    @Test
    void aRateMakesTheOpenModelWithTheConnectionsAsItsCeiling() {
        LoadSpec spec = LoadSpecs.builder(URL, resolved(LoadSettings.builder().rate(250.0).connections(8).build())).build();

        assertThat(spec.model()).isEqualTo(new LoadModel.Open(250, 8));
        assertThat(spec.stop()).isEqualTo(Stop.after(Duration.ofSeconds(5)));
    }

    @Test
    void withoutARateTheClosedModelKeepsItsRampAndThinkTime() {
        LoadSpec spec = LoadSpecs.builder(URL, resolved(LoadSettings.builder().connections(3).spawnRate(2.0)
                .thinkTime(Duration.ofMillis(20)).build())).build();

        assertThat(spec.model()).isEqualTo(new LoadModel.Closed(3, 2, Duration.ofMillis(20)));
        assertThat(spec.timeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(spec.keepAlive()).isTrue();
    }

    @Test
    void aCountEndsTheRunAloneOrWithADurationWhicheverComesFirst() {
        LoadSettings countOnly = resolved(LoadSettings.builder().requests(100L).build());
        LoadSettings both = resolved(LoadSettings.builder().requests(100L).duration(Duration.ofSeconds(3)).build());

        assertThat(LoadSpecs.builder(URL, countOnly).build().stop()).isEqualTo(Stop.afterRequests(100));
        assertThat(LoadSpecs.builder(URL, both).build().stop()).isEqualTo(Stop.afterEither(Duration.ofSeconds(3), 100));
    }

    @Test
    void aScenarioSpeaksItsProtocolWithTheStreamsOfItsSettingsOverHttp2Only() {
        LoadSettings s = resolved(LoadSettings.builder().streams(8).build());
        URI https = URI.create("https://127.0.0.1:8443/plaintext");

        LoadSpec h2 = LoadSpecs.measured(scenario(HttpProtocol.H2), s, https);
        LoadSpec http1 = LoadSpecs.measured(scenario(HttpProtocol.HTTP_1_1), s, https);
        LoadSpec h2c = LoadSpecs.measured(scenario(HttpProtocol.H2C), s, URL);

        assertThat(h2.http()).isEqualTo(HttpVersion.HTTP_2);
        assertThat(h2.streams()).isEqualTo(8);
        assertThat(h2.insecure()).as("a suite's targets make their own certificates").isTrue();
        assertThat(http1.http()).isEqualTo(HttpVersion.HTTP_1_1);
        assertThat(http1.streams()).as("HTTP/1.1 has one request in flight per connection").isEqualTo(1);
        assertThat(h2c.http()).isEqualTo(HttpVersion.HTTP_2);
        assertThat(h2c.url()).isEqualTo(URL);
    }

    private static ScenarioDef scenario(HttpProtocol protocol) {
        return new ScenarioDef("plaintext", "GET", "/plaintext", Map.of(), "", Expect.status(200), LoadSettings.EMPTY,
                protocol);
    }

    @Test
    void aScenarioIsMeasuredWithoutWarmupAndWarmedUpWithoutCountOrRamp() {
        ScenarioDef def = new ScenarioDef("echo", "POST", "/echo", Map.of("X-Trace", "1"), "hi", Expect.status(201),
                LoadSettings.EMPTY, HttpProtocol.HTTP_1_1);
        LoadSettings s = resolved(LoadSettings.builder().requests(40L).duration(Duration.ofSeconds(2)).spawnRate(5.0)
                .connections(4).build());

        LoadSpec measured = LoadSpecs.measured(def, s, URL);
        LoadSpec warmup = LoadSpecs.warmup(measured, Duration.ofMillis(300));

        assertThat(measured.method()).isEqualTo("POST");
        assertThat(measured.headers()).containsExactly(new LoadSpec.Header("X-Trace", "1"));
        assertThat(measured.body()).isEqualTo("hi".getBytes());
        assertThat(measured.expect().status()).isEqualTo(201);
        assertThat(measured.warmup()).isZero();
        assertThat(measured.model()).isEqualTo(new LoadModel.Closed(4, 5, Duration.ZERO));
        assertThat(warmup.stop()).isEqualTo(Stop.after(Duration.ofMillis(300)));
        assertThat(warmup.model()).isEqualTo(LoadModel.Closed.of(4));
        assertThat(warmup.method()).isEqualTo("POST");
    }
}
