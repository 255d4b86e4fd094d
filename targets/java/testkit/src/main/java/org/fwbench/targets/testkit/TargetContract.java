package org.fwbench.targets.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import org.fwbench.targets.Listen;
import org.fwbench.targets.TargetApp;
import org.fwbench.targets.Transport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The routes every target serves. A module's test extends this with its {@link TargetApp}; the target
 * runs in the test's JVM, so a failure shows the framework's own stack trace. Each route is checked over
 * cleartext HTTP/1.1 with the JDK's client; a target that serves h2c and TLS is started once more for each
 * and every route checked again over h2c with prior knowledge, over h2 by ALPN, and over HTTP/1.1 on TLS.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class TargetContract {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final TargetApp app;
    private AutoCloseable server;
    private Client http1;

    protected TargetContract(TargetApp app) {
        this.app = app;
    }

    @BeforeAll
    void startTarget() throws Exception {
        int port = FreePort.find();
        server = app.starter().start(Listen.http1(port));
        http1 = JdkClient.cleartext(port, TIMEOUT);
    }

    @AfterAll
    void stopTarget() throws Exception {
        if (http1 != null) {
            http1.close();
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
        plaintext(http1);
    }

    @Test
    void json() {
        json(http1);
    }

    @Test
    void helloName() {
        helloName(http1);
    }

    @Test
    void templateRendersTheExpectedPage() {
        template(http1);
    }

    @Test
    void staticFileIsServedWhole() {
        staticFile(http1);
    }

    @Test
    void unknownPathsAreNotFound() {
        notFound(http1);
    }

    @Test
    void servesEveryRouteOverH2cWithPriorKnowledge() throws Exception {
        assumeTrue(app.transports().contains(Transport.H2C), "this target serves HTTP/1.1 only");
        int port = FreePort.find();
        try (AutoCloseable h2c = app.starter().start(new Listen(port, Transport.H2C))) {
            try (H2Client client = H2Client.cleartext(port)) {
                everyRoute(client);
            }
            // The same port still speaks HTTP/1.1 to a client that does not start with the HTTP/2 preface.
            try (Client client = JdkClient.cleartext(port, TIMEOUT)) {
                plaintext(client);
            }
        }
    }

    @Test
    void servesEveryRouteOverTlsAsH2AndAsHttp11() throws Exception {
        assumeTrue(app.transports().contains(Transport.TLS), "this target serves HTTP/1.1 only");
        int port = FreePort.find();
        try (AutoCloseable tls = app.starter().start(new Listen(port, Transport.TLS))) {
            try (H2Client client = H2Client.tls(port)) {
                assertThat(client.protocol()).as("the protocol ALPN agreed on").isEqualTo("h2");
                everyRoute(client);
            }
            // A client that offers only http/1.1 (the JDK's, asked for HTTP/1.1) gets it; its host name check passes.
            try (Client client = JdkClient.tls(port, TIMEOUT)) {
                everyRoute(client);
            }
        }
    }

    private static void everyRoute(Client client) {
        plaintext(client);
        json(client);
        helloName(client);
        template(client);
        staticFile(client);
        notFound(client);
    }

    private static void plaintext(Client client) {
        Answer answer = client.get("/plaintext");

        assertThat(answer.status()).as(answer.protocol()).isEqualTo(200);
        assertThat(answer.mediaType()).as(answer.protocol()).isEqualTo("text/plain");
        assertThat(answer.text()).as(answer.protocol()).isEqualTo("Hello, World!");
    }

    private static void json(Client client) {
        Answer answer = client.get("/json");

        assertThat(answer.status()).as(answer.protocol()).isEqualTo(200);
        assertThat(answer.mediaType()).as(answer.protocol()).isEqualTo("application/json");
        ObjectMapper mapper = new ObjectMapper();
        try {
            assertThat(mapper.readTree(answer.body())).as(answer.protocol())
                    .isEqualTo(mapper.readTree("{\"message\":\"Hello, World!\"}"));
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON over " + answer.protocol(), e);
        }
    }

    private static void helloName(Client client) {
        Answer answer = client.get("/hello/fwbench");

        assertThat(answer.status()).as(answer.protocol()).isEqualTo(200);
        assertThat(answer.mediaType()).as(answer.protocol()).isEqualTo("text/plain");
        assertThat(answer.text()).as(answer.protocol()).isEqualTo("Hello fwbench!");
    }

    private static void template(Client client) {
        Answer answer = client.get("/template");

        assertThat(answer.status()).as(answer.protocol()).isEqualTo(200);
        assertThat(answer.mediaType()).as(answer.protocol()).isEqualTo("text/html");
        assertThat(answer.contentType().toLowerCase(Locale.ROOT)).as(answer.protocol())
                .containsPattern(";\\s*charset=\"?utf-8");
        assertThat(Html.normalise(answer.text())).as(answer.protocol())
                .isEqualTo(Html.normalise(resourceText("template-expected.html")));
    }

    private static void staticFile(Client client) {
        Answer answer = client.get("/static/style-100k.css");

        assertThat(answer.status()).as(answer.protocol()).isEqualTo(200);
        assertThat(answer.mediaType()).as(answer.protocol()).isEqualTo("text/css");
        assertThat(answer.contentLength()).as(answer.protocol()).isEqualTo("102400");
        assertThat(sha256(answer.body())).as(answer.protocol())
                .isEqualTo(resourceText("static/style-100k.css.sha256").strip());
    }

    private static void notFound(Client client) {
        assertThat(client.get("/no-such-route").status()).isEqualTo(404);
        assertThat(client.get("/static/no-such-file.css").status()).isEqualTo(404);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
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
