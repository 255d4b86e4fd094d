package org.fwbench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.fwbench.config.LoadSettings;
import org.fwbench.config.Mode;
import org.fwbench.config.Suite;
import org.fwbench.config.SuiteLoader;
import org.fwbench.result.Disturbance;
import org.fwbench.result.Measurement;
import org.fwbench.result.ScenarioResult;
import org.fwbench.result.TargetResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which start a make-up start stands in for, and which of the two a target keeps in its figures. */
class TargetRunTest {

    private TargetRun run;

    @BeforeEach
    void twoScenarios(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("suite.yaml");
        Files.writeString(file, """
                name: test
                scenarios:
                  - {name: plaintext, path: /plaintext}
                  - {name: json, path: /json}
                targets:
                  - {name: alpha, command: [alpha, "${port}"]}
                """);
        Suite suite = SuiteLoader.load(file);
        LoadSettings load = LoadSettings.builder().duration(Duration.ofMillis(300)).build();
        run = new TargetRun(suite.targets().getFirst(), Plans.scenarios(suite, suite.scenarios(), Mode.STANDARD, load),
                "alpha.log");
        for (String s : new String[] {"plaintext", "json"}) {
            run.scenario(s).verified("http://127.0.0.1:1/" + s, List.of());
        }
    }

    @Test
    void theStartWithMostMeasurementsDisturbedFromOutsideIsMadeUp() {
        assertThat(run.disturbedStart()).isEmpty();
        add(1, 0, 0);
        add(2, 0.6, 0.6);
        add(3, 0.6, 0);
        assertThat(run.disturbedStart()).hasValue(2);
    }

    @Test
    void ofStartsAsDisturbedTheEarliestIsMadeUp() {
        add(1, 0, 0.6);
        add(2, 0, 0);
        add(3, 0.6, 0);
        assertThat(run.disturbedStart()).hasValue(1);
    }

    @Test
    void fwbenchsOwnCompilersCallForNoMakeUp() {
        Measurement compiling = measurement(1, 1, 0);
        run.scenario("json").add(withDisturbance(compiling, Disturbance.of(1, 0, 0, 0.9)));
        assertThat(run.scenario("json").result().measurements().getFirst().conditions().disturbed()).isTrue();
        assertThat(run.disturbedStart()).isEmpty();
    }

    @Test
    void aLessDisturbedMakeUpTakesTheStartsPlaceAndTheStartIsSetAside() {
        add(1, 0.6, 0);
        add(2, 0, 0);
        add(3, 0, 0);

        run.settleMakeUp(1, 3);

        for (ScenarioResult s : run.result().scenarios()) {
            assertThat(s.setAside()).extracting(m -> m.conditions().start()).containsExactly(1);
            assertThat(s.measurements()).extracting(m -> m.conditions().start()).containsExactly(2, 3);
            assertThat(s.measurements().getLast().conditions().madeUpFor()).isEqualTo(1);
            assertThat(s.summary().repeats()).isEqualTo(2);
        }
    }

    @Test
    void aMakeUpNoLessDisturbedIsSetAside() {
        add(1, 0.6, 0);
        add(2, 0, 0);
        add(3, 0.6, 0);

        run.settleMakeUp(1, 3);

        for (ScenarioResult s : run.result().scenarios()) {
            assertThat(s.measurements()).extracting(m -> m.conditions().start()).containsExactly(1, 2);
            assertThat(s.setAside()).singleElement().satisfies(m -> {
                assertThat(m.conditions().start()).isEqualTo(3);
                assertThat(m.conditions().madeUpFor()).isEqualTo(1);
            });
        }
    }

    @Test
    void aMakeUpThatMissedAScenarioIsSetAside() {
        add(1, 0.6, 0.6);
        add(2, 0, 0);
        run.scenario("plaintext").add(measurement(5, 3, 0)); // the make-up died before /json

        run.settleMakeUp(1, 3);

        TargetResult r = run.result();
        assertThat(r.scenarios().getFirst().measurements()).extracting(m -> m.conditions().start()).containsExactly(1, 2);
        assertThat(r.scenarios().getFirst().setAside()).extracting(m -> m.conditions().start()).containsExactly(3);
        assertThat(r.scenarios().getLast().setAside()).isEmpty();
    }

    /** One start: a measurement on each scenario, disturbed from outside by so many cores. */
    private void add(int start, double plaintextCores, double jsonCores) {
        run.scenario("plaintext").add(measurement(2 * start - 1, start, plaintextCores));
        run.scenario("json").add(measurement(2 * start, start, jsonCores));
    }

    /** A measurement of a start during which steal took {@code outsideCores} of a core. */
    private static Measurement measurement(int repeat, int start, double outsideCores) {
        return withDisturbance(SampleRuns.measurement(repeat, start, 10_000, 0.4, 100, true, 20, 0),
                Disturbance.of(1, outsideCores, 0, 0));
    }

    private static Measurement withDisturbance(Measurement m, Disturbance d) {
        Measurement.Conditions c = m.conditions();
        return new Measurement(m.repeat(), m.load(), m.before(), m.after(), m.peak(), m.timeline(), m.sampler(),
                m.serverCpuSeconds(), m.serverCpuMicrosPerRequest(), m.phases(), m.leak(),
                Measurement.Conditions.of(c.start(), c.round(), c.warmup(), d, 0), null);
    }
}
