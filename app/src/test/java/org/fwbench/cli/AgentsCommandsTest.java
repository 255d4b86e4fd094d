package org.fwbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.fwbench.load.LoadResult;
import org.fwbench.memory.MemoryTimeline;
import org.fwbench.result.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The commands of distributed load: hammer as an agent, merge, sample and k8s-job, in this JVM. */
class AgentsCommandsTest {

    private static HttpServer http;
    private static String base;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws IOException {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        http.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        http.createContext("/", ex -> {
            byte[] body = "hello\n".getBytes();
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        http.start();
        base = "http://127.0.0.1:" + http.getAddress().getPort();
    }

    @AfterAll
    static void stop() {
        http.stop(0);
    }

    private Path hammer(String name, String... options) throws IOException {
        Path json = dir.resolve(name);
        List<String> args = new java.util.ArrayList<>(List.of("hammer", "-c", "2", "--json", json.toString()));
        args.addAll(List.of(options));
        args.add(base + "/");
        CliRun run = CliRun.of(args.toArray(String[]::new));
        assertThat(run.exitCode()).as(run.err() + run.out()).isZero();
        return json;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "hammer --start-at 2020-01-01T00:00:00Z http://127.0.0.1:1/|--start-at 2020-01-01T00:00:00Z is",
        "hammer --start-at 4000000000 http://127.0.0.1:1/|is more than 1 hour ahead",
        "hammer --start-at noon http://127.0.0.1:1/|'noon' is not a time with a zone or epoch seconds",
        "hammer --agent-index 1 http://127.0.0.1:1/|--agent-index needs --agents N",
        "hammer --agents 3 --agent-index 3 http://127.0.0.1:1/|the agent index must be 0 to 2 with --agents 3, not 3",
        "hammer --agents 0 http://127.0.0.1:1/|--agents must be at least 1, not 0",
        "merge|Missing required parameter: 'FILE'",
        "merge /no/such.json|cannot use /no/such.json: no such file",
        "sample --pid 999999999 --out x.json|no process 999999999 runs here",
        "sample --pid 1 --out x.json --interval 0s|--interval must be more than 0",
        "k8s-job http://t/|Missing required option: '--agents=N'",
        "k8s-job --agents 2 --name Bad_Name http://t/|--name must be lowercase letters",
        "k8s-job --agents 2 --cpu lots http://t/|--cpu must be a Kubernetes quantity",
        "k8s-job --agents 2 --body @f http://t/|--body @FILE: the file would not be in the agents' pods",
        "k8s-job --agents 2 -c 0 http://t/|--connections must be more than 0, not 0",
        "k8s-job --agents 2 t:80/|not an http URL"})
    void badInputIsOneLineAndExitCode2(String commandLine, String message) {
        CliRun run = CliRun.of(commandLine.split(" "));
        assertThat(run.exitCode()).isEqualTo(Main.EXIT_USAGE);
        assertThat(run.err()).contains(message).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(run.err().strip().lines().count()).isOne();
    }

    @Test
    void anAgentTakesItsShareOfTheRateAndSaysWhichItIs() throws Exception {
        LoadResult r = Json.read(hammer("a.json", "-R", "300", "-d", "2s", "--agents", "3", "--agent-index", "2"),
                LoadResult.class);
        assertThat(r.plan().rate()).isEqualTo(100.0);
        assertThat(r.plan().agents()).isEqualTo(3);
        assertThat(r.agentIndexes()).containsExactly(2);
        assertThat(r.url()).isEqualTo(base + "/");
        assertThat(r.serviceTimeHistogram()).isNotNull();
        assertThat(r.timeline()).allSatisfy(i -> assertThat(i.latencyHistogram()).isNotNull());
    }

    @Test
    void theIndexComesFromTheIndexedJobsVariableWhenAgentsIsGiven() {
        AgentOptions o = new AgentOptions();
        Map<String, String> env = Map.of(AgentOptions.INDEX_VARIABLE, "4");
        assertThat(o.agentIndex(env)).as("a lone run ignores the variable").isZero();
        o.agents = 5;
        assertThat(o.agentIndex(env)).isEqualTo(4);
        o.agentIndex = 1;
        assertThat(o.agentIndex(env)).isEqualTo(1);
    }

    @Test
    void jsonDashPrintsTheResultOnStdoutInPlaceOfTheSummary() throws Exception {
        CliRun run = CliRun.of("hammer", "-n", "20", "--json", "-", base + "/");
        assertThat(run.exitCode()).as(run.err()).isZero();
        LoadResult r = Json.MAPPER.readValue(run.out(), LoadResult.class);
        assertThat(r.requests()).isEqualTo(20);
        assertThat(run.out()).doesNotContain("Hammering").doesNotContain("Latency");
    }

    @Test
    void mergePrintsTheSummaryOfAllAndWritesTheMergedJson() throws Exception {
        Path a = hammer("a.json", "-n", "100", "--agents", "2", "--agent-index", "0");
        Path b = hammer("b.json", "-n", "100", "--agents", "2", "--agent-index", "1");
        Path merged = dir.resolve("merged.json");

        CliRun run = CliRun.of("merge", a.toString(), b.toString(), "--json", merged.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Merged 2 results of " + base + "/ (agents 0, 1 of 2)")
                .contains("Requests   200 (ok 200").contains("p99.9");
        LoadResult m = Json.read(merged, LoadResult.class);
        assertThat(m.requests()).isEqualTo(200);
        assertThat(m.agentIndexes()).containsExactly(0, 1);
        CliRun again = CliRun.of("merge", merged.toString());
        assertThat(again.exitCode()).as("a merged result is a result: " + again.err()).isZero();
    }

    @Test
    void mergeRefusesResultsThatDoNotBelongTogetherUnlessAllowed() throws Exception {
        Path a = hammer("a.json", "-n", "30");
        Path b = hammer("b.json", "-n", "40");
        Path notJson = Files.writeString(dir.resolve("notes.txt"), "hello");

        CliRun mixed = CliRun.of("merge", a.toString(), b.toString());
        assertThat(mixed.exitCode()).isEqualTo(Main.EXIT_USAGE);
        assertThat(mixed.err().strip()).contains("do not belong together: different load plans").contains("--allow-mixed")
                .doesNotContain("\n");
        CliRun allowed = CliRun.of("merge", "--allow-mixed", a.toString(), b.toString());
        assertThat(allowed.exitCode()).as(allowed.err()).isZero();
        assertThat(allowed.out()).contains("Requests   70 ");
        CliRun bad = CliRun.of("merge", notJson.toString());
        assertThat(bad.exitCode()).isEqualTo(Main.EXIT_USAGE);
        assertThat(bad.err()).contains("not a result of fwbench hammer --json");
    }

    @Test
    void sampleWritesATimelineThatMergeAttachesByTime() throws Exception {
        Path timeline = dir.resolve("timeline.json");
        Process target = new ProcessBuilder("sleep", "30").start();
        long self = target.pid();
        CompletableFuture<CliRun> sampling = CompletableFuture.supplyAsync(() -> CliRun.of("sample", "--pid",
                Long.toString(self), "--out", timeline.toString(), "--interval", "50ms", "--duration", "6s"));
        Path a = hammer("a.json", "-d", "1s", "--start-at", Instant.now().plusSeconds(3).toString());
        CliRun sampled = sampling.get(20, TimeUnit.SECONDS);
        assertThat(sampled.exitCode()).as(sampled.err()).isZero();
        assertThat(sampled.out()).contains("Sampled process " + self + " every 50ms");

        MemoryTimeline t = Json.read(timeline, MemoryTimeline.class);
        assertThat(t.pid()).isEqualTo(self);
        assertThat(t.samples()).hasSizeGreaterThan(5);
        assertThat(t.samples().getFirst().rssBytes()).isPositive();
        Path merged = dir.resolve("merged.json");
        CliRun run = CliRun.of("merge", a.toString(), "--timeline", timeline.toString(), "--json", merged.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("Target     pid " + self + ", \\d+ samples in the window: RSS");
        JsonNode m = Json.MAPPER.readTree(merged.toFile());
        LoadResult r = Json.read(a, LoadResult.class);
        assertThat(m.path("targetTimeline").path("samples")).isNotEmpty()
                .allSatisfy(s -> assertThat(s.path("epochMillis").asLong()).isBetween(r.startedAtMillis(), r.endedAtMillis()));
        target.destroy();
    }

    @Test
    void k8sJobWritesAnIndexedJobThatKubernetesModelsReadBack() throws Exception {
        Path manifest = dir.resolve("job.yaml");
        CliRun run = CliRun.of("k8s-job", "--agents", "4", "-R", "4000", "-d", "30s", "-H", "Accept: text/plain",
                "--no-keepalive", "--image", "registry.example/fwbench:1", "--cpu", "1500m", "--memory", "768Mi",
                "--out", manifest.toString(), "http://target.bench.svc:8080/plaintext");
        assertThat(run.exitCode()).as(run.err()).isZero();

        Job job = new YAMLMapper().readValue(manifest.toFile(), Job.class);

        assertThat(job.getApiVersion()).isEqualTo("batch/v1");
        assertThat(job.getKind()).isEqualTo("Job");
        assertThat(job.getSpec().getCompletionMode()).isEqualTo("Indexed");
        assertThat(job.getSpec().getCompletions()).isEqualTo(4);
        assertThat(job.getSpec().getParallelism()).isEqualTo(4);
        assertThat(job.getSpec().getTemplate().getSpec().getRestartPolicy()).isEqualTo("Never");
        assertThat(job.getSpec().getTemplate().getSpec().getAffinity().getPodAntiAffinity()
                .getRequiredDuringSchedulingIgnoredDuringExecution().getFirst().getTopologyKey()).isEqualTo("kubernetes.io/hostname");
        Container agent = job.getSpec().getTemplate().getSpec().getContainers().getFirst();
        assertThat(agent.getImage()).isEqualTo("registry.example/fwbench:1");
        assertThat(agent.getResources().getLimits().get("cpu").toString()).isEqualTo("1500m");
        assertThat(agent.getArgs()).containsExactly("hammer", "--rate", "4000", "--duration", "30s", "--header",
                "Accept: text/plain", "--no-keepalive", "--agents", "4", "--json", "-", "http://target.bench.svc:8080/plaintext");
        assertThat(agent.getEnv().getFirst().getName()).isEqualTo("JOB_COMPLETION_INDEX");
    }
}
