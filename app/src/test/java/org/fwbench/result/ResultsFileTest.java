package org.fwbench.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fwbench.run.SampleRuns;
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

    /** A target without memory keeps its reason, and its absent figures stay absent (null), never zero. */
    @Test
    void aTargetWhoseMemoryWasNotMeasuredReadsBackWithItsReason() throws Exception {
        Path file = dir.resolve("results.json");
        ResultsFile.write(file, SampleRuns.withRemote());
        String json = Files.readString(file);
        assertThat(json).contains("\"reason\" : \"remote host\"");

        RunResult r = ResultsFile.read(file);
        TargetResult remote = r.targets().stream().filter(t -> t.name().equals("remote")).findFirst().orElseThrow();
        assertThat(remote.notMeasured().reason()).isEqualTo(NotMeasured.Reason.REMOTE_HOST);
        assertThat(remote.notMeasured().detail()).startsWith("192.0.2.7 is not an address of this machine");
        Summary hello = r.cell("remote", "hello").orElseThrow().summary();
        assertThat(hello.throughput().median()).isEqualTo(45_000);
        assertThat(hello.memoryAfterBytes()).isNull();
        assertThat(hello.serverCpuMicrosPerRequest()).isNull();
        assertThat(remote.starts()).allSatisfy(s -> assertThat(s.pid()).isNull());
        assertThat(r.targets()).filteredOn(t -> !t.name().equals("remote")).allMatch(TargetResult::memoryMeasured);
    }

    /** Results written before targets could go without memory have no notMeasured: all were measured. */
    @Test
    void aFileWithoutTheNotMeasuredFieldHasEveryTargetMeasured() throws Exception {
        ObjectNode tree = (ObjectNode) Json.MAPPER.readTree(SAVED.toFile());
        tree.path("targets").forEach(t -> ((ObjectNode) t).remove("notMeasured"));
        Path file = dir.resolve("older.json");
        Files.writeString(file, Json.MAPPER.writeValueAsString(tree));

        assertThat(ResultsFile.read(file).targets()).hasSize(3).allMatch(TargetResult::memoryMeasured);
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
