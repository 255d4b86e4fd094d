package org.fwbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.fwbench.Sigint;
import org.fwbench.result.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ctrl-C during {@code fwbench hammer}: the packaged jar in its own process, a real SIGINT. */
class HammerInterruptIT {

    @TempDir
    Path dir;

    @Test
    void ctrlCPrintsThePartialResultAndSaysItWasInterrupted() throws Exception {
        Sigint.assumeDeliverable();
        AtomicLong served = new AtomicLong();
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
        http.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        http.createContext("/", ex -> {
            served.incrementAndGet();
            ex.sendResponseHeaders(200, 2);
            ex.getResponseBody().write("ok".getBytes());
            ex.close();
        });
        http.start();
        try {
            Path json = dir.resolve("result.json");
            FwbenchProcess f = FwbenchProcess.start(dir, "hammer", "-c", "2", "-d", "30s", "--json", json.toString(),
                    "http://127.0.0.1:" + http.getAddress().getPort() + "/");
            f.awaitOutput("Hammering", Duration.ofSeconds(30));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (served.get() < 200) {
                assertThat(System.nanoTime()).as("the server was loaded").isLessThan(deadline);
                Thread.sleep(20);
            }

            f.signal("INT");
            f.waitFor(Duration.ofSeconds(20));

            assertThat(f.stdout()).contains("Latency").containsPattern("INTERRUPTED after \\d+\\.\\d\\d s of 30s measured");
            JsonNode r = Json.MAPPER.readTree(json.toFile());
            assertThat(r.path("interrupted").asBoolean()).isTrue();
            assertThat(r.path("durationSeconds").asDouble()).isLessThan(30);
            assertThat(r.path("ok").asLong()).isPositive();
        } finally {
            http.stop(0);
        }
    }
}
