package org.fwbench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Reading the JIT compiler threads' state: the warm-up waits on it. */
class CompilerThreadsTest {

    @Test
    void theCompilerThreadsAreFoundAndGoIdle() throws Exception {
        if (Files.isDirectory(Path.of("/proc/self/task"))) {
            assertThat(Files.list(Path.of("/proc/self/task")).map(t -> {
                try {
                    return Files.readString(t.resolve("stat"));
                } catch (Exception e) {
                    return "";
                }
            })).as("compiler threads as this class names them").anyMatch(s -> s.contains("CompilerThre"));
        }
        // nothing in this test keeps the JIT busy for long: it must be seen idle within the deadline
        long deadline = System.nanoTime() + 60_000_000_000L;
        boolean idle = false;
        while (!idle && System.nanoTime() < deadline) {
            idle = !CompilerThreads.busy();
            if (!idle) {
                Thread.sleep(20);
            }
        }
        assertThat(idle).isTrue();
    }

    @Test
    void afterACountedRunsWarmUpTheCompilerThreadsYieldToTheEngine() throws Exception {
        try (FaultServer target = new FaultServer(); LoadEngine engine = new LoadEngine()) {
            engine.run(Specs.of(target.url("/ok")).connections(1).requests(5).build(), p -> { });
        }
        if (Files.isDirectory(Path.of("/proc/self/task")) && Files.isExecutable(Path.of("/usr/bin/renice"))) {
            assertThat(CompilerThreads.tasks()).filteredOn(CompilerThreads.Task::compiler).isNotEmpty()
                    .allSatisfy(t -> assertThat(t.nice()).as(t.name()).isEqualTo(CompilerThreads.NICE));
            assertThat(CompilerThreads.tasks()).filteredOn(t -> !t.compiler()).as("every other thread keeps its priority")
                    .isNotEmpty().allSatisfy(t -> assertThat(t.nice()).as(t.name()).isZero());
        }
    }
}
