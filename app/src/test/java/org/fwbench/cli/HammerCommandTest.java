package org.fwbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.HistogramLogReader;
import org.fwbench.result.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HammerCommandTest {

    private static HttpServer http;
    private static String base;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws IOException {
        http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        http.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        http.createContext("/", ex -> {
            byte[] body = "hello world\n".getBytes();
            ex.sendResponseHeaders(ex.getRequestURI().getPath().equals("/missing") ? 404 : 200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        http.createContext("/echo", ex -> {
            byte[] body = ex.getRequestBody().readAllBytes();
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

    private int execute(String... args) {
        picocli.CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "hammer|Missing required parameter: 'URL'",
        "hammer ftp://127.0.0.1/|only http:// and https:// URLs are supported",
        "hammer -m 4 http://127.0.0.1/|-m/--streams above 1 needs --http 2",
        "hammer --http 3 http://127.0.0.1/|--http: unknown HTTP version '3'",
        "hammer --http 2 --no-keepalive http://127.0.0.1/|--no-keepalive needs --http 1.1",
        "hammer http://exa%zzmple/|not a URL",
        "hammer //127.0.0.1:8080/|not an http URL",
        "hammer http://no-such-host.invalid/|unknown host: no-such-host.invalid",
        "hammer --bogus http://127.0.0.1/|Unknown option: '--bogus'",
        "hammer -n -5 http://127.0.0.1/|--requests must be more than 0, not -5",
        "hammer -c 0 http://127.0.0.1/|--connections must be more than 0, not 0",
        "hammer -d 10x http://127.0.0.1/|'10x' is not a duration",
        "hammer --timeout 0s http://127.0.0.1/|--timeout must be more than 0",
        "hammer -H NoColon http://127.0.0.1/|a header is 'Name: value'",
        "hammer --body @/no/such/file http://127.0.0.1/|--body: no such file",
        "hammer -c many http://127.0.0.1/|Invalid value for option '--connections'"})
    void badInputIsOneLineAndExitCode2(String commandLine, String message) {
        assertThat(execute(commandLine.split(" "))).isEqualTo(Main.EXIT_USAGE);
        assertThat(err.toString()).contains(message).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(err.toString().strip().lines().count()).isOne();
    }

    @Test
    void aRunPrintsTheSummaryAndWritesJsonAndAnIntervalLog() throws Exception {
        Path json = dir.resolve("out/result.json");
        Path hlog = dir.resolve("latency.hlog");
        int code = execute("hammer", "-c", "3", "-d", "1200ms", "--expect-status", "200", "--json", json.toString(),
                "--hlog", hlog.toString(), base + "/");

        assertThat(code).as(err.toString()).isZero();
        assertThat(err.toString()).as("no live line when stderr is not a terminal").isEmpty();
        assertThat(out.toString()).contains("Hammering " + base + "/").contains("p99.9").contains("req/s")
                .contains("Statuses   200 ").contains("Client     CPU");
        JsonNode r = Json.MAPPER.readTree(json.toFile());
        for (String field : new String[] {"requests", "ok", "failed", "statuses", "errors", "throughput", "latencyMs", "client"}) {
            assertThat(r.has(field)).as(field).isTrue();
        }
        for (String p : new String[] {"p50", "p90", "p99", "p999", "max", "mean"}) {
            assertThat(r.get("latencyMs").get(p).isNumber()).as(p).isTrue();
        }
        for (String kind : new String[] {"timeout", "connect", "reset", "protocol", "validation"}) {
            assertThat(r.get("errors").get(kind).asLong()).as(kind).isZero();
        }
        assertThat(r.get("statuses").get("200").asLong()).isEqualTo(r.get("ok").asLong()).isPositive();
        assertThat(r.get("client").has("cpuSeconds")).isTrue();
        assertThat(r.get("client").has("cpuMicrosPerRequest")).isTrue();
        assertThat(r.get("client").get("saturated").isBoolean()).isTrue();
        assertThat(r.get("interrupted").asBoolean(true)).as("a run that was not cut short").isFalse();

        long logged = 0;
        try (FileInputStream in = new FileInputStream(hlog.toFile())) {
            HistogramLogReader reader = new HistogramLogReader(in);
            for (EncodableHistogram h = reader.nextIntervalHistogram(); h != null; h = reader.nextIntervalHistogram()) {
                logged += ((org.HdrHistogram.Histogram) h).getTotalCount();
            }
        }
        assertThat(logged).isEqualTo(r.get("ok").asLong());
    }

    @Test
    void aFailedExpectationExitsWith1() throws Exception {
        assertThat(execute("hammer", "-n", "20", "--expect-status", "200", base + "/missing")).isEqualTo(Main.EXIT_FAILED);
        assertThat(err.toString()).contains("20 of 20 requests failed")
                .contains("first mismatch: status 404, expected 200");
        assertThat(out.toString()).contains("validation 20");
    }

    @Test
    void aPortWithNoServerIsOneLineAndExitCode1() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        assertThat(execute("hammer", "-d", "60s", "http://127.0.0.1:" + port + "/")).isEqualTo(Main.EXIT_FAILED);
        assertThat(err.toString()).isEqualTo("fwbench: connection refused: 127.0.0.1:" + port + System.lineSeparator());
        assertThat(out.toString()).doesNotContain("Latency");
    }

    @Test
    void aFailedTlsHandshakeIsOneLineAndExitCode2() {
        // an https URL on a cleartext HTTP port: the server answers the ClientHello with an HTTP error
        String url = base.replace("http://", "https://") + "/";
        assertThat(execute("hammer", "-d", "60s", url)).isEqualTo(Main.EXIT_USAGE);
        assertThat(err.toString()).startsWith("fwbench: TLS handshake with 127.0.0.1:" + http.getAddress().getPort() + " failed: ")
                .doesNotContain("\tat ");
        assertThat(err.toString().strip().lines().count()).isOne();
        assertThat(out.toString()).doesNotContain("Latency");
    }

    @Test
    void errorStatusesWithoutAnExpectationExitWith1OnlyWhenNothingSucceeded() throws Exception {
        assertThat(execute("hammer", "-n", "10", base + "/missing")).isEqualTo(Main.EXIT_FAILED);
        assertThat(err.toString()).contains("no request succeeded");
        assertThat(execute("hammer", "-n", "10", "--body", "@" + Files.writeString(dir.resolve("b"), "x"), "-X", "post",
                base + "/")).isZero();
    }

    @Test
    void atFileBodiesAreTheFilesExactBytesNotPicocliArgumentFiles() throws Exception {
        Path file = Files.writeString(dir.resolve("hello.txt"), "hello from a small file\n");
        int code = execute("hammer", "-n", "20", "-c", "2", "-X", "POST", "--body", "@" + file,
                "--expect-body", "@" + file, "--expect-status", "200", base + "/echo");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("ok 20");

        // the server answers "hello world\n": a file holding it matches only with its trailing newline kept
        Path hello = Files.writeString(dir.resolve("world.txt"), "hello world\n");
        assertThat(execute("hammer", "-n", "10", "--expect-body", "@" + hello, base + "/")).as(err.toString()).isZero();
        Path noNewline = Files.writeString(dir.resolve("world-no-newline.txt"), "hello world");
        assertThat(execute("hammer", "-n", "10", "--expect-body", "@" + noNewline, base + "/")).isEqualTo(Main.EXIT_FAILED);
    }
}
