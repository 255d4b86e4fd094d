package org.fwbench.targets.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import org.fwbench.targets.TargetApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The routes every target serves. A module's test extends this with its {@link TargetApp}; the target
 * runs in the test's JVM, so a failure shows the framework's own stack trace.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class TargetContract {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final TargetApp app;
    private AutoCloseable server;
    private HttpClient client;
    private URI base;

    protected TargetContract(TargetApp app) {
        this.app = app;
    }

    @BeforeAll
    void startTarget() throws Exception {
        int port = FreePort.find();
        server = app.starter().start(port);
        base = URI.create("http://127.0.0.1:" + port);
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(TIMEOUT).build();
    }

    @AfterAll
    void stopTarget() throws Exception {
        if (client != null) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void knowsItsFrameworkVersion() {
        assertThat(app.versionLine()).matches(app.framework() + " \\d+\\.\\d+.*");
    }

    @Test
    void plaintext() {
        HttpResponse<byte[]> response = get("/plaintext");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(mediaType(response)).isEqualTo("text/plain");
        assertThat(text(response)).isEqualTo("Hello, World!");
    }

    @Test
    void json() throws IOException {
        HttpResponse<byte[]> response = get("/json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(mediaType(response)).isEqualTo("application/json");
        ObjectMapper mapper = new ObjectMapper();
        assertThat(mapper.readTree(response.body())).isEqualTo(mapper.readTree("{\"message\":\"Hello, World!\"}"));
    }

    @Test
    void helloName() {
        HttpResponse<byte[]> response = get("/hello/fwbench");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(mediaType(response)).isEqualTo("text/plain");
        assertThat(text(response)).isEqualTo("Hello fwbench!");
    }

    @Test
    void templateRendersTheExpectedPage() {
        HttpResponse<byte[]> response = get("/template");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(mediaType(response)).isEqualTo("text/html");
        assertThat(contentType(response).toLowerCase(Locale.ROOT)).containsPattern(";\\s*charset=\"?utf-8");
        assertThat(Html.normalise(text(response))).isEqualTo(Html.normalise(resourceText("template-expected.html")));
    }

    @Test
    void staticFileIsServedWhole() throws NoSuchAlgorithmException {
        HttpResponse<byte[]> response = get("/static/style-100k.css");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(mediaType(response)).isEqualTo("text/css");
        assertThat(response.headers().firstValue("Content-Length")).contains("102400");
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(response.body()));
        assertThat(sha256).isEqualTo(resourceText("static/style-100k.css.sha256").strip());
    }

    @Test
    void unknownPathsAreNotFound() {
        assertThat(get("/no-such-route").statusCode()).isEqualTo(404);
        assertThat(get("/static/no-such-file.css").statusCode()).isEqualTo(404);
    }

    private HttpResponse<byte[]> get(String path) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT).GET().build();
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during GET " + path, e);
        }
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    /** The Content-Type without its parameters, lower case: frameworks differ in adding a charset. */
    private static String mediaType(HttpResponse<byte[]> response) {
        return contentType(response).split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
    }

    private static String contentType(HttpResponse<byte[]> response) {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    private static String resourceText(String name) {
        try (InputStream in = TargetContract.class.getClassLoader().getResourceAsStream("fwbench/" + name)) {
            assertThat(in).as("test resource fwbench/%s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
