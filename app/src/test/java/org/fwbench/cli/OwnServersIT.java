package org.fwbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.fwbench.result.Json;
import org.fwbench.run.TestTarget;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Your own servers in one line, end to end: servers given by {@code --server} that fwbench starts, one given by
 * {@code --url} that this test starts and fwbench only finds, the same one again with {@code --pid NAME=none} (load
 * only, as for a remote host, which the tests may not load), and the same comparison through {@code fwbench init}.
 */
class OwnServersIT {

    private static final Duration LIMIT = Duration.ofMinutes(3);
    private static final String CLASSES = Path.of("target/test-classes").toAbsolutePath().toString();
    private static final String SERVER = "${java} -cp " + CLASSES + " " + TestTarget.class.getName() + " ${port}";

    @TempDir
    Path dir;

    private Process running;

    @AfterEach
    void stopTheRunningServer() {
        if (running != null) {
            running.destroyForcibly();
        }
    }

    @Test
    void comparesTwoStartedServersAndOneAlreadyRunningWithMemoryForAllButTheOneToldNotTo() throws Exception {
        int port = startRunningServer();
        Path out = dir.resolve("results");
        String[] options = {"--server", "first=" + SERVER, "--server", "second=" + SERVER,
                "--url", "running=http://127.0.0.1:" + port, "--url", "loadonly=http://127.0.0.1:" + port,
                "--pid", "loadonly=none", "--path", "/plaintext", "--expect-body", "Hello, World!",
                "-d", "300ms", "--warmup", "100ms"};

        FwbenchProcess.Result r = FwbenchProcess.run(dir, LIMIT, args(List.of("run", "--repeat", "2", "--out",
                out.toString()), options));

        assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isZero();
        assertThat(r.stdout()).contains("already running  http://127.0.0.1:" + port + "/plaintext");
        assertThat(rowNames(r.stdout())).containsExactlyInAnyOrder("first", "second", "running", "loadonly");
        assertThat(r.stdout()).contains("loadonly: memory and CPU not measured (--pid none): told not to look for its "
                + "process; its load is measured");
        assertThat(row(r.stdout(), "loadonly")).contains("not measured").doesNotContain("PID=");
        assertThat(row(r.stdout(), "running")).doesNotContain("not measured");
        JsonNode json = Json.MAPPER.readTree(out.resolve("results.json").toFile());
        List<Long> started = new ArrayList<>();
        int madeUp = 0;
        for (JsonNode t : json.path("targets")) {
            assertThat(t.path("status").asText()).as(t.path("reason").asText()).isEqualTo("ok");
            JsonNode summary = t.path("scenarios").get(0).path("summary");
            assertThat(summary.path("throughput").path("median").asDouble()).as("load of " + t.path("name"))
                    .isPositive();
            if (t.path("name").asText().equals("loadonly")) {
                assertThat(t.path("notMeasured").path("reason").asText()).isEqualTo("--pid none");
                assertThat(summary.path("memoryAfterBytes").isNull()).isTrue();
                assertThat(summary.path("serverCpuMicrosPerRequest").isNull()).isTrue();
                assertThat(t.path("starts")).allSatisfy(s -> assertThat(s.path("idle").isNull()).isTrue());
                continue;
            }
            assertThat(t.path("notMeasured").isNull()).isTrue();
            madeUp += t.path("name").asText().equals("running") ? 0 : ResultsJson.madeUpStarts(t);
            for (JsonNode s : t.path("starts")) {
                assertThat(s.path("idle").path("pssBytes").asLong()).as("memory of " + t.path("name")).isPositive();
                assertThat(s.path("after").path("pssBytes").asLong()).isPositive();
                if (t.path("name").asText().equals("running")) {
                    assertThat(s.path("pid").asLong()).as("found from its port").isEqualTo(running.pid());
                    assertThat(s.path("startupSeconds").isNull()).isTrue();
                } else {
                    started.add(s.path("pid").asLong());
                    assertThat(s.path("startupSeconds").asDouble()).isPositive();
                }
            }
            assertThat(summary.path("serverCpuMicrosPerRequest").path("median").asDouble()).isPositive();
        }
        assertThat(rankedTargets(json, "throughput")).containsExactlyInAnyOrder("first", "second", "running", "loadonly");
        assertThat(rankedTargets(json, "memoryAfterBytes")).containsExactlyInAnyOrder("first", "second", "running");
        assertThat(rankedTargets(json, "serverCpuMicrosPerRequest")).containsExactlyInAnyOrder("first", "second",
                "running");
        assertThat(started).hasSize(4 + madeUp).allSatisfy(pid -> assertThat(ProcessHandle.of(pid)
                .map(ProcessHandle::isAlive).orElse(false)).as("no process left behind").isFalse());
        assertThat(running.isAlive()).as("the already-running server still runs").isTrue();

        // The same comparison written by init and run from the file: the same table.
        CliRun init = CliRun.of(args(List.of("init"), options));
        assertThat(init.exitCode()).as(init.err()).isZero();
        Path suite = dir.resolve("mine.yaml");
        Files.writeString(suite, init.out());
        FwbenchProcess.Result fromFile = FwbenchProcess.run(dir, LIMIT, "run", suite.toString(), "--repeat", "2",
                "--out", dir.resolve("again").toString());
        assertThat(fromFile.exitCode()).as(fromFile.stdout() + fromFile.stderr()).isZero();
        assertThat(caption(fromFile.stdout())).isEqualTo(caption(r.stdout())).startsWith("Scenario plaintext (");
        assertThat(tableHeader(fromFile.stdout()).split("\\s+")).containsExactly(tableHeader(r.stdout()).split("\\s+"));
        assertThat(rowNames(fromFile.stdout())).containsExactlyInAnyOrderElementsOf(rowNames(r.stdout()));
        assertThat(running.isAlive()).isTrue();
    }

    @Test
    void aMissingProgramAndAUrlThatDoesNotAnswerFailWithTheirReasonWhileTheOthersAreMeasured() throws Exception {
        int closed = freePort();
        FwbenchProcess.Result r = FwbenchProcess.run(dir, LIMIT, "run", "--server", "ok=" + SERVER,
                "--server", "missing=no-such-server-program ${port}", "--url", "silent=http://127.0.0.1:" + closed,
                "--path", "/plaintext", "-d", "200ms", "--warmup", "0s", "--repeat", "1",
                "--out", dir.resolve("results").toString());

        assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isEqualTo(Main.EXIT_FAILED);
        assertThat(rowNames(r.stdout())).containsExactly("ok");
        assertThat(r.stdout() + r.stderr())
                .contains("target 'missing' cannot start: program 'no-such-server-program' not found on the PATH")
                .contains("target 'silent': http://127.0.0.1:" + closed + "/plaintext refused the connection")
                .doesNotContain("Exception");
    }

    @Test
    void badOptionsAreOneLineAndExitCode2() {
        assertUsage("fwbench: --server 'flask': expected NAME=COMMAND, e.g. --server 'flask=python3 app.py ${port}'",
                "run", "--server", "flask");
        assertUsage("fwbench: --server flask: the command is empty", "run", "--server", "flask=");
        assertUsage("fwbench: --url web: 'localhost:8080' must start with http:// or https://",
                "run", "--url", "web=localhost:8080");
        assertUsage("fwbench: give either a SUITE file or --server/--url/--path, not both (`fwbench init` writes the "
                + "options as a suite file)", "run", "suites/java.yaml", "--url", "web=http://127.0.0.1:8080");
        assertUsage("fwbench: --pid web: 'me' is not a process ID (or none, to measure its load only)", "init", "--url", "web=http://127.0.0.1:8080",
                "--pid", "web=me");
    }

    private static void assertUsage(String line, String... args) {
        CliRun r = CliRun.of(args);
        assertThat(r.exitCode()).isEqualTo(Main.EXIT_USAGE);
        assertThat(r.err().strip()).isEqualTo(line);
        assertThat(r.out()).isEmpty();
    }

    @Test
    void nginxConfiguredByATemplateFileIsStartedMeasuredAndStopped() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/nginx")), "nginx is installed");
        Path out = dir.resolve("results");
        FwbenchProcess.Result r = FwbenchProcess.run(dir, LIMIT, "run", "suites/examples/nginx.yaml", "-d", "300ms",
                "--warmup", "100ms", "--repeat", "1", "--out", out.toString());

        assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isZero();
        JsonNode start = Json.MAPPER.readTree(out.resolve("results.json").toFile()).path("targets").get(0)
                .path("starts").get(0);
        assertThat(start.path("idle").path("pssBytes").asLong()).isPositive();
        assertThat(Files.readString(out.resolve("files/nginx/nginx.conf")))
                .contains("listen 127.0.0.1:" + start.path("port").asInt() + ";").doesNotContain("${");
        assertThat(ProcessHandle.of(start.path("pid").asLong()).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    /** A server fwbench did not start, on a free port, answering before the test goes on. */
    private int startRunningServer() throws IOException, InterruptedException {
        int port = freePort();
        running = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"), "-cp", CLASSES,
                TestTarget.class.getName(), Integer.toString(port))
                .redirectErrorStream(true).redirectOutput(dir.resolve("running.log").toFile())
                .redirectInput(new File("/dev/null")).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try (HttpClient client = HttpClient.newHttpClient()) {
            while (true) {
                try {
                    client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/plaintext")).build(),
                            HttpResponse.BodyHandlers.discarding());
                    return port;
                } catch (IOException e) {
                    assertThat(System.nanoTime()).as("the test server answers in time").isLessThan(deadline);
                    Thread.sleep(50);
                }
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static String[] args(List<String> first, String[] options) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(options));
        return all.toArray(String[]::new);
    }

    /** The first table's caption, without the fixed rate: that is measured (half the slowest's req/s), not set. */
    private static String caption(String stdout) {
        return stdout.lines().filter(l -> l.startsWith("Scenario ")).findFirst().orElse("")
                .replaceAll("@rate = [0-9,.]+ req/s fixed", "@rate = R req/s fixed");
    }

    private static String tableHeader(String stdout) {
        return stdout.lines().filter(l -> l.startsWith("target ")).findFirst().orElse("");
    }

    /** The targets ranked on a metric in the first scenario, by the name results.json saves the ranking under. */
    private static List<String> rankedTargets(JsonNode json, String metric) {
        List<String> names = new ArrayList<>();
        for (JsonNode ranking : json.path("rankings")) {
            if (ranking.path("metric").asText().equals(metric)) {
                ranking.path("ranks").forEach(rank -> names.add(rank.path("target").asText()));
                return names;
            }
        }
        return names;
    }

    /** The first table's row of a target. */
    private static String row(String stdout, String target) {
        List<String> lines = stdout.lines().toList();
        return lines.subList(Math.max(0, lines.indexOf(tableHeader(stdout))), lines.size()).stream()
                .filter(l -> l.startsWith(target + " ")).findFirst().orElse("");
    }

    /** The first column of the table's rows. */
    private static List<String> rowNames(String stdout) {
        List<String> lines = stdout.lines().toList();
        int header = lines.indexOf(tableHeader(stdout));
        List<String> names = new ArrayList<>();
        for (int i = header + 1; header >= 0 && i < lines.size() && !lines.get(i).isBlank()
                && !lines.get(i).startsWith(" "); i++) {
            names.add(lines.get(i).split("\\s+")[0]);
        }
        return names;
    }
}
