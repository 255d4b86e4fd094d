package org.fwbench.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsFileTest {

    /** Written by fwbench before the results records stood on their own; it must read back unchanged. */
    private static final Path SAVED = Path.of("src/test/resources/golden/results.json");

    @TempDir
    Path dir;

    @Test
    void aSavedFileReadsBackAndWritesTheSameBytes() throws Exception {
        RunResult r = ResultsFile.read(SAVED);
        assertThat(r.targets()).extracting(TargetResult::status)
                .containsExactly(TargetResult.Status.OK, TargetResult.Status.OK, TargetResult.Status.FAILED);
        assertThat(r.cell("slow", "json")).map(ScenarioResult::status).contains(ScenarioResult.Status.FAILED);
        assertThat(r.cell("broken", "hello")).map(ScenarioResult::status).contains(ScenarioResult.Status.NOT_RUN);
        assertThat(r.cell("fast", "hello")).map(s -> s.summary().memoryBasis()).contains(MemoryBasis.PSS);
        Path copy = dir.resolve("results.json");
        ResultsFile.write(copy, r);
        assertThat(Files.readString(copy)).isEqualTo(Files.readString(SAVED));
    }

    @Test
    void leakVerdictsAndBasesAreWrittenAsTheirLowercaseNames() throws Exception {
        Measurement.LeakCheck check = new Measurement.LeakCheck(Measurement.LeakCheck.Verdict.GROWING, MemoryBasis.RSS,
                1.5, 2048, 3);
        String json = Json.MAPPER.writeValueAsString(check);
        assertThat(json).contains("\"verdict\" : \"growing\"", "\"basis\" : \"rss\"");
        assertThat(Json.MAPPER.readValue(json, Measurement.LeakCheck.class)).isEqualTo(check);
    }

    @Test
    void aVersionOneFileIsReadInTheNewShapeWithItsP95FromTheHistograms() throws Exception {
        // Written by fwbench before rounds, conditions and p95 (schema version 1).
        RunResult r = ResultsFile.read(Path.of("src/test/resources/schema-1/results.json"));

        assertThat(r.schemaVersion()).isEqualTo(1);
        assertThat(r.settings().measurementsPerStart()).isEqualTo(1);
        assertThat(r.rankings()).isEmpty();
        ScenarioResult hello = r.cell("fast", "hello").orElseThrow();
        assertThat(hello.summary()).as("drawn again by the analysis").isNull();
        assertThat(hello.measurements()).extracting(m -> m.conditions().start()).containsExactly(1, 2, 3);
        assertThat(hello.measurements()).allSatisfy(m -> {
            assertThat(m.conditions().warmup()).isEqualTo(Warmup.NONE);
            assertThat(m.load().latencyMs().p95()).isBetween(m.load().latencyMs().p90(), m.load().latencyMs().p99());
        });
    }

    @Test
    void anotherSchemaVersionIsRefusedWithOneLine() throws Exception {
        Path other = dir.resolve("v3.json");
        Files.writeString(other, "{\"schemaVersion\": 3}");
        assertThatThrownBy(() -> ResultsFile.read(other)).isInstanceOf(ResultsFile.UnreadableResultsException.class)
                .hasMessage(other + " has results of schema version 3; this fwbench reads versions 1 and 2");
        assertThatThrownBy(() -> ResultsFile.read(dir.resolve("missing.json")))
                .hasMessage("no results file at " + dir.resolve("missing.json"));
    }
}
