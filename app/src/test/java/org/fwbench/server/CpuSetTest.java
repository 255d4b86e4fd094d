package org.fwbench.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.fwbench.result.Json;
import org.fwbench.units.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CpuSetTest {

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"0;0;1", "1-3;1-3;3", "0,2-3;0,2-3;3", " 3,1 ;1,3;2", "0,1,2,5;0-2,5;4",
            "2-2;2;1", "1,1-2;1-2;2"})
    void parsesTasksetListsAndWritesThemBackCompact(String text, String written, int size) {
        CpuSet set = CpuSet.parse(text);
        assertThat(set.toString()).isEqualTo(written);
        assertThat(set.size()).isEqualTo(size);
        assertThat(CpuSet.parse(set.toString())).isEqualTo(set);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "1-", "-1", "0,", "1..3", "0 1", "1-2-3"})
    void rejectsWhatIsNotACpuList(String text) {
        assertThatThrownBy(() -> CpuSet.parse(text))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("'" + text + "' is not a CPU list (examples: 0, 1-3, 0,2-3)");
    }

    @Test
    void saysWhichRangeRunsBackwards() {
        assertThatThrownBy(() -> CpuSet.parse("0,3-1"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("'0,3-1' is not a CPU list: the range 3-1 runs backwards");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"0;0;0", "0-1;0;1", "0-2;0;1-2", "0-3;0-1;2-3", "2,4,6,8,9;2,4;6,8-9"})
    void splitsLoadOnTheFirstHalfAndTargetsOnTheRest(String all, String load, String target) {
        CpuSet.Split split = CpuSet.defaultSplit(CpuSet.parse(all));
        assertThat(split.load()).hasToString(load);
        assertThat(split.target()).hasToString(target);
    }

    @Test
    void isWrittenToJsonInTasksetForm() throws Exception {
        CpuSet.Split split = CpuSet.defaultSplit(CpuSet.parse("0-3"));
        String json = Json.MAPPER.writeValueAsString(split);
        assertThat(json).isEqualToIgnoringWhitespace("{\"load\":\"0-1\",\"target\":\"2-3\"}");
        assertThat(Json.MAPPER.readValue(json, CpuSet.Split.class)).isEqualTo(split);
    }

    @Test
    void availableIsThisProcessesAffinity() {
        CpuSet available = CpuSet.available();
        assertThat(available.size()).isBetween(1, Runtime.getRuntime().availableProcessors());
        assertThat(CpuSet.defaultSplit(available).target().isWithin(available)).isTrue();
    }

    @Test
    void pinsEveryThreadOfThisJvm() throws Exception {
        assumeTrue(CpuSet.pinningSupported(), "taskset is not installed");
        // Pinning to what the JVM already has keeps the other tests unaffected.
        CpuSet available = CpuSet.available();
        assertThat(CpuSet.pinThisProcess(available)).isTrue();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            List<String> allowed = tasks.flatMap(t -> cpusAllowed(t.resolve("status")).stream()).distinct().toList();
            assertThat(allowed).containsExactly(available.toString());
        }
    }

    @Test
    void pinningToAMissingCpuIsOneClearLine() {
        assumeTrue(CpuSet.pinningSupported(), "taskset is not installed");
        assertThatThrownBy(() -> CpuSet.pinThisProcess(CpuSet.parse("999")))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("cannot pin fwbench to CPUs 999: ")
                .hasMessageNotContaining("\n");
    }

    private static Optional<String> cpusAllowed(Path status) {
        try {
            return Files.readAllLines(status).stream()
                    .filter(l -> l.startsWith("Cpus_allowed_list:"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst();
        } catch (IOException e) {
            return Optional.empty(); // a thread that ended while we looked
        }
    }
}
