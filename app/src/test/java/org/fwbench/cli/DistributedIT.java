package org.fwbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.FileInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.fwbench.load.LoadResult;
import org.fwbench.result.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13's done-when, on loopback: three {@code fwbench hammer} agents (their own JVMs) start together
 * with {@code --start-at} against the built-in Netty target while {@code fwbench sample} watches the target,
 * then {@code fwbench merge} joins them, and the merge agrees with HdrHistogram's own reading of the agents'
 * interval logs.
 */
class DistributedIT {

    private static final Path TARGET = FwbenchProcess.HOME.resolve("targets/java/netty/target/fwbench-target-netty.jar");
    private static final Duration LIMIT = Duration.ofSeconds(90);
    /**
     * Time for three agents to start and warm their engines up (at most 7 s, see the load package's Warmup) before
     * the common start: on a busy two-core machine (load average 5) three took 11 to 13 s from launch to the end of
     * a 1 s load.
     */
    private static final int LEAD_SECONDS = 20;
    private static final int AGENTS = 3;

    @TempDir
    Path dir;

    @Test
    void threeAgentsStartedTogetherMergeIntoTheSumOfTheirParts() throws Exception {
        int port = freePort();
        Process target = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-Xmx128m", "-jar",
                TARGET.toString(), Integer.toString(port)).redirectErrorStream(true).redirectOutput(dir.resolve("target.log").toFile())
                .start();
        try {
            String url = "http://127.0.0.1:" + port + "/plaintext";
            awaitReady(url);
            Path timeline = dir.resolve("timeline.json");
            FwbenchProcess sampler = FwbenchProcess.start(dir, "sample", "--pid", Long.toString(target.pid()), "--out",
                    timeline.toString(), "--duration", "80s");
            long startAt = Instant.now().getEpochSecond() + LEAD_SECONDS;
            List<FwbenchProcess> agents = new ArrayList<>();
            for (int i = 0; i < AGENTS; i++) {
                agents.add(FwbenchProcess.start(dir, "hammer", "-c", "2", "-d", "3s", "--timeout", "10s", "--agents", Integer.toString(AGENTS),
                        "--agent-index", Integer.toString(i), "--start-at", Long.toString(startAt),
                        "--json", dir.resolve("agent-" + i + ".json").toString(), "--hlog", dir.resolve("agent-" + i + ".hlog").toString(),
                        url));
            }
            for (FwbenchProcess a : agents) {
                assertThat(a.waitFor(LIMIT)).as(a.stderr()).isZero();
            }
            sampler.signal("TERM"); // sampling ends on SIGTERM too (exit 128 + 15, as for any process), and the file is written
            assertThat(sampler.waitFor(LIMIT)).as(sampler.stderr()).isEqualTo(143);
            assertThat(sampler.stdout()).contains("Sampled process " + target.pid());

            List<String> merge = new ArrayList<>(List.of("merge"));
            for (int i = 0; i < AGENTS; i++) {
                merge.add(dir.resolve("agent-" + i + ".json").toString());
            }
            Path merged = dir.resolve("merged.json");
            merge.addAll(List.of("--timeline", timeline.toString(), "--json", merged.toString()));
            FwbenchProcess.Result m = FwbenchProcess.run(dir, LIMIT, merge.toArray(String[]::new));
            assertThat(m.exitCode()).as(m.stderr()).isZero();
            assertThat(m.stdout()).contains("Merged 3 results of " + url + " (agents 0, 1, 2 of 3)")
                    .containsPattern("Target     pid " + target.pid() + ", \\d+ samples in the window");

            List<LoadResult> parts = new ArrayList<>();
            Histogram fromLogs = new Histogram(3);
            fromLogs.setAutoResize(true);
            for (int i = 0; i < AGENTS; i++) {
                parts.add(Json.read(dir.resolve("agent-" + i + ".json"), LoadResult.class));
                addLog(dir.resolve("agent-" + i + ".hlog"), fromLogs);
            }
            LoadResult all = Json.read(merged, LoadResult.class);
            assertThat(all.requests()).isEqualTo(parts.stream().mapToLong(LoadResult::requests).sum()).isPositive();
            assertThat(all.latencyMs().max()).isEqualTo(parts.stream().mapToDouble(p -> p.latencyMs().max()).max().orElseThrow());
            assertThat(all.latencyMs().count()).isEqualTo(fromLogs.getTotalCount());
            assertThat(all.latencyMs().p50()).isEqualTo(fromLogs.getValueAtPercentile(50) / 1000.0);
            assertThat(all.latencyMs().p99()).isEqualTo(fromLogs.getValueAtPercentile(99) / 1000.0);
            long firstStart = parts.stream().mapToLong(LoadResult::startedAtMillis).min().orElseThrow();
            long lastStart = parts.stream().mapToLong(LoadResult::startedAtMillis).max().orElseThrow();
            assertThat(firstStart).isGreaterThanOrEqualTo(startAt * 1000);
            assertThat(lastStart - firstStart).as("the agents' windows opened together").isLessThanOrEqualTo(50);
            JsonNode samples = Json.MAPPER.readTree(merged.toFile()).path("targetTimeline").path("samples");
            assertThat(samples).isNotEmpty();
        } finally {
            target.destroy();
            target.waitFor();
        }
    }

    private static void addLog(Path hlog, Histogram sum) throws IOException {
        try (FileInputStream in = new FileInputStream(hlog.toFile())) {
            HistogramLogReader reader = new HistogramLogReader(in);
            for (EncodableHistogram h = reader.nextIntervalHistogram(); h != null; h = reader.nextIntervalHistogram()) {
                sum.add((Histogram) h);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void awaitReady(String url) throws InterruptedException {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (true) {
            try {
                if (client.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // the target is still starting
            }
            assertThat(System.nanoTime()).as("the target answered in time").isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
