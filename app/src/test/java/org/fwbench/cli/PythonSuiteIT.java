package org.fwbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.fwbench.result.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The smoke test of the Python suite: every installed Python target started, every scenario verified
 * and hammered briefly, the missing ones skipped with their reason, and no process left.
 * scripts/install-python-targets.sh (run by .ci/run) installs the frameworks.
 */
class PythonSuiteIT {

    @TempDir
    Path dir;

    @Test
    void everyInstalledPythonTargetAnswersEveryScenarioCorrectly() throws Exception {
        assumeTrue(pythonHas("flask"), "Python frameworks not installed: run scripts/install-python-targets.sh");
        Path out = dir.resolve("out");
        // A quick look (one start, nothing measured again on a busy machine) with 300 ms loads: the slowest
        // targets here answer each connection about every 45 ms (flask-gevent, quart-hypercorn), so 8
        // connections give them about 50 successful responses, five times the 10 a measurement needs.
        FwbenchProcess.Result r = FwbenchProcess.run(dir, Duration.ofMinutes(6), "run", "suites/python.yaml",
                "--quick", "-d", "300ms", "--warmup", "200ms", "-c", "8", "--out", out.toString());

        JsonNode json = Json.MAPPER.readTree(out.resolve("results.json").toFile());
        List<String> problems = new ArrayList<>();
        List<Long> pids = new ArrayList<>();
        int measured = 0;
        for (JsonNode t : json.path("targets")) {
            String name = t.path("name").asText();
            switch (t.path("status").asText()) {
                case "skipped" -> assertThat(t.path("reason").asText()).as(name).startsWith("not installed");
                case "ok" -> {
                    measured++;
                    t.path("starts").forEach(s -> pids.add(s.path("pid").asLong()));
                    for (JsonNode s : t.path("scenarios")) {
                        if (!s.path("status").asText().equals("ok") || s.path("summary").path("ok").asLong() == 0) {
                            problems.add(name + "/" + s.path("scenario").asText() + ": " + s.path("reason").asText());
                        }
                    }
                }
                default -> problems.add(name + ": " + t.path("reason").asText());
            }
        }
        assertThat(problems).as(r.stdout()).isEmpty();
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(measured).isGreaterThanOrEqualTo(10);
        assertThat(pids).allSatisfy(pid -> assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse());
    }

    private static boolean pythonHas(String module) throws InterruptedException {
        try {
            return new ProcessBuilder("/usr/bin/python3", "-c", "import " + module).start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
