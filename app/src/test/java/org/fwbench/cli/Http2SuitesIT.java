package org.fwbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.fwbench.result.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP/2 suites end to end on built-in targets, trimmed to a few seconds of load: each scenario is verified
 * and loaded over the protocol it asks for, and the results record what the connections really spoke. Every load
 * makes its connections anew, TLS handshakes included, so the loads are long enough for a busy machine to get
 * past them and few connections.
 */
class Http2SuitesIT {

    private static final Duration LIMIT = Duration.ofMinutes(3);

    @TempDir
    Path dir;

    @Test
    void h2OverTlsAndHttp11OnTheSameTlsPort() throws Exception {
        Path out = dir.resolve("out");
        FwbenchProcess.Result r = FwbenchProcess.run(dir, LIMIT, "run", "suites/java-h2.yaml", "--targets", "undertow",
                "--scenarios", "plaintext,plaintext-https1", "-d", "1s", "--warmup", "250ms", "-c", "2", "--repeat", "1",
                "--out", out.toString());

        assertThat(r.exitCode()).as(r.stdout() + r.stderr()).isZero();
        JsonNode target = Json.MAPPER.readTree(out.resolve("results.json").toFile()).path("targets").get(0);
        assertThat(target.path("status").asText()).as(target.path("reason").asText()).isEqualTo("ok");
        assertThat(transport(target, "plaintext").path("protocol").asText()).isEqualTo("h2");
        assertThat(transport(target, "plaintext").path("tlsVersion").asText()).startsWith("TLSv1.");
        assertThat(transport(target, "plaintext-https1").path("protocol").asText()).isEqualTo("http/1.1");
        assertThat(transport(target, "plaintext-https1").path("tlsVersion").asText()).startsWith("TLSv1.");
    }

    @Test
    void h2cIsLoadedWherePriorKnowledgeIsUnderstoodAndRefusedByTheCheckWhereItIsNot() throws Exception {
        Path suite = Files.writeString(dir.resolve("h2c.yaml"), """
                name: h2c
                load: {duration: 600ms, warmup: 250ms, connections: 2, streams: 4}
                scenarios:
                  - name: plaintext
                    path: /plaintext
                    protocol: h2c
                    expect: {body: "Hello, World!"}
                targets:
                  - name: netty-h2c
                    command: ["${java}", -jar, "${home}/targets/java/netty/target/fwbench-target-netty.jar", "${port}", --h2c]
                  - name: netty-http1
                    command: ["${java}", -jar, "${home}/targets/java/netty/target/fwbench-target-netty.jar", "${port}"]
                """);
        Path out = dir.resolve("out");
        FwbenchProcess.Result r = FwbenchProcess.run(dir, LIMIT, "run", suite.toString(), "--repeat", "1",
                "--out", out.toString());

        assertThat(r.exitCode()).as("a scenario failed its check: " + r.stdout() + r.stderr()).isEqualTo(1);
        JsonNode targets = Json.MAPPER.readTree(out.resolve("results.json").toFile()).path("targets");
        JsonNode h2c = targets.get(0);
        assertThat(scenario(h2c, "plaintext").path("status").asText()).isEqualTo("ok");
        assertThat(transport(h2c, "plaintext").path("protocol").asText()).isEqualTo("h2c");
        JsonNode http1 = scenario(targets.get(1), "plaintext");
        assertThat(http1.path("status").asText()).isEqualTo("failed");
        assertThat(http1.path("reason").asText()).startsWith("verification failed: ").contains("h2c");
        assertThat(http1.path("measurements")).isEmpty();
    }

    private static JsonNode scenario(JsonNode target, String name) {
        for (JsonNode s : target.path("scenarios")) {
            if (s.path("scenario").asText().equals(name)) {
                return s;
            }
        }
        throw new AssertionError("no scenario " + name + " in " + target);
    }

    private static JsonNode transport(JsonNode target, String scenario) {
        JsonNode s = scenario(target, scenario);
        assertThat(s.path("status").asText()).as(s.path("reason").asText()).isEqualTo("ok");
        return s.path("measurements").get(0).path("load").path("transport");
    }
}
