package org.fwbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.fwbench.Sigint;
import org.fwbench.result.Json;
import org.fwbench.result.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fwbench run} end to end: the packaged jar, the built-in targets as real processes. */
class RunCommandIT {

    private static final Duration LIMIT = Duration.ofMinutes(3);

    @TempDir
    Path dir;

    @Test
    void comparesTwoBuiltInTargetsAndWritesEveryResultFile() throws Exception {
        Path out = dir.resolve("results");
        // Two rounds, the fewest that rank; RunnerTest checks the shuffled order of three.
        FwbenchProcess.Result r = FwbenchProcess.run(dir, LIMIT, "run", "--targets", "jdk-httpserver,netty",
                "--scenarios", "plaintext,json", "-d", "300ms", "--warmup", "300ms", "--repeat", "2", "--out", out.toString());

        assertThat(r.exitCode()).as(r.stderr()).isZero();
        assertThat(r.stdout()).contains("MEM(rss,vms,uss,pss)", "Scenario plaintext", "Scenario json", "req/s", "p95 ms");
        // One answer under each table.
        assertThat(r.stdout().lines().filter(l -> l.startsWith("  => "))).hasSize(2);
        JsonNode json = Json.MAPPER.readTree(out.resolve("results.json").toFile());
        assertThat(json.path("schemaVersion").asInt()).isEqualTo(RunResult.SCHEMA_VERSION);
        assertThat(json.path("settings").path("rounds")).hasSize(2);
        assertThat(json.path("settings").path("seed").isNumber()).isTrue();
        assertThat(json.path("interference").path("measurements").asInt()).isEqualTo(8);
        JsonNode env = json.path("environment");
        assertThat(env.path("cpuModel").asText()).isNotBlank();
        assertThat(env.path("cores").asInt()).isPositive();
        assertThat(env.path("jdk").asText()).startsWith("Java ");
        assertThat(env.path("fwbenchVersion").asText()).isNotBlank();
        assertThat(json.path("commandLine").toString()).contains("jdk-httpserver,netty");
        assertThat(json.path("targets")).hasSize(2);
        List<Long> pids = new ArrayList<>();
        for (JsonNode t : json.path("targets")) {
            assertThat(t.path("status").asText()).as(t.path("reason").asText()).isEqualTo("ok");
            assertThat(t.path("version").asText()).isNotBlank();
            assertThat(t.path("starts")).hasSize(2 + ResultsJson.madeUpStarts(t));
            for (JsonNode s : t.path("starts")) {
                pids.add(s.path("pid").asLong());
                assertThat(s.path("startupSeconds").asDouble()).isPositive();
                assertThat(s.path("idle").path("rssBytes").asLong()).isPositive();
                assertThat(s.path("idle").path("pssBytes").asLong()).isPositive();
                assertThat(s.path("idle").path("ussBytes").asLong()).isPositive();
                assertThat(s.path("after").path("pssBytes").asLong()).isPositive();
            }
            for (JsonNode s : t.path("scenarios")) {
                assertThat(s.path("status").asText()).isEqualTo("ok");
                JsonNode summary = s.path("summary");
                assertThat(summary.path("throughput").path("median").asDouble()).isPositive();
                assertThat(summary.path("throughput").path("n").asInt()).isEqualTo(2);
                assertThat(summary.path("latencyMs").path("p99").asDouble()).isPositive();
                assertThat(summary.path("p95Ms").path("median").asDouble()).isPositive();
                assertThat(summary.path("serverCpuMicrosPerRequest").path("median").asDouble()).isPositive();
                assertThat(summary.path("statuses").path("200").asLong()).isEqualTo(summary.path("ok").asLong());
                JsonNode m = s.path("measurements").get(0);
                assertThat(m.path("load").path("requests").asLong()).isPositive();
                assertThat(m.path("load").path("latencyHistogram").asText()).isNotBlank();
                assertThat(m.path("timeline")).isNotEmpty();
                assertThat(m.path("conditions").path("warmup").path("state").asText()).isIn("steady", "unsteady");
                assertThat(m.path("peak").path("rssBytes").asLong()).isPositive();
            }
        }
        assertThat(json.path("rankings")).isNotEmpty();
        assertThat(Files.readAllLines(out.resolve("results.csv"))).hasSize(1 + 4);
        assertThat(Files.readString(out.resolve("results.md"))).contains("## What this run shows", "## plaintext",
                "## json");
        assertThat(out.resolve("logs/jdk-httpserver.log")).exists();
        assertThat(pids).allSatisfy(pid -> assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse());
    }

    @Test
    void ctrlCMidRunLeavesNoProcessBehind() throws Exception {
        Sigint.assumeDeliverable();
        assertInterruptionCleansUp("INT");
    }

    @Test
    void evenAKilledFwbenchLeavesNoTargetBehind() throws Exception {
        assertInterruptionCleansUp("KILL");
    }

    private void assertInterruptionCleansUp(String signal) throws Exception {
        Path out = dir.resolve("results");
        FwbenchProcess f = FwbenchProcess.start(dir, "run", "--targets", "jdk-httpserver,netty", "--scenarios",
                "plaintext", "-d", "20s", "--warmup", "0s", "--repeat", "1", "--out", out.toString());
        f.awaitOutput("ready in", Duration.ofSeconds(60));
        List<ProcessHandle> tree = f.descendants();
        assertThat(tree).as("the target's process tree").isNotEmpty();

        f.signal(signal);
        int code = f.waitFor(Duration.ofSeconds(30));

        assertThat(code).isNotZero();
        awaitAllGone(tree, Duration.ofSeconds(20));
        // Nor a target started after the tree was looked at (the next one, started as fwbench was stopping).
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!f.markedProcesses().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(f.markedProcesses()).as("processes fwbench started that outlived it").isEmpty();
        if (signal.equals("INT")) {
            assertThat(Json.MAPPER.readTree(out.resolve("results.json").toFile()).path("targets").toString())
                    .as("what was measured, saved on the way out").contains("jdk-httpserver");
        }
    }

    @Test
    void aMalformedSuiteIsOneLineWithFileLineAndColumnAndExitCode2() throws Exception {
        Path suite = dir.resolve("bad.yaml");
        Files.writeString(suite, "name: bad\nscenarios:\n  - name: x\n    path: /x\n    colour: red\ntargets: []\n");

        FwbenchProcess.Result r = FwbenchProcess.run(dir, LIMIT, "run", suite.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr()).containsPattern("bad\\.yaml:5:5: .*colour").doesNotContain("\tat ");
    }

    @Test
    void anUnknownTargetNamesTheOnesThatExist() throws Exception {
        FwbenchProcess.Result r = FwbenchProcess.run(dir, LIMIT, "run", "--targets", "nope");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr().strip()).startsWith("fwbench: unknown target 'nope'").contains("jetty").doesNotContain("\tat ");
    }

    @Test
    void cpusThatDoNotExistAreAUsageError() throws Exception {
        FwbenchProcess.Result r = FwbenchProcess.run(dir, LIMIT, "run", "--cpus-target", "999");

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.stderr().strip()).startsWith("fwbench: CPUs 999 are not all available here");
    }

    private static void awaitAllGone(List<ProcessHandle> tree, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (tree.stream().anyMatch(ProcessHandle::isAlive)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("still running: " + tree.stream().filter(ProcessHandle::isAlive)
                        .map(p -> p.pid() + " " + p.info().commandLine().orElse("?")).toList());
            }
            Thread.sleep(100);
        }
    }
}
