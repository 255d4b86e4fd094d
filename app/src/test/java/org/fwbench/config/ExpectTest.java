package org.fwbench.config;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.fwbench.result.Json;
import org.junit.jupiter.api.Test;

class ExpectTest {

    private static final Path PAGE = Path.of("src/test/resources/suites/page.html");
    private static final Map<String, List<String>> TEXT = Map.of("Content-Type", List.of("text/plain"));

    @Test
    void statusIsAlwaysChecked() {
        assertThat(Expect.status(200).problems(200, Map.of(), new byte[0])).isEmpty();
        assertThat(Expect.status(200).problems(404, Map.of(), new byte[0])).containsExactly("status 404, expected 200");
    }

    @Test
    void contentTypeIgnoresCaseAndParametersItDoesNotName() {
        Expect plain = expect("text/plain", null, null, null, null, null, null, Map.of());
        Expect utf8 = expect("text/plain; charset=utf-8", null, null, null, null, null, null, Map.of());

        assertThat(plain.problems(200, Map.of("content-type", List.of("TEXT/Plain; charset=ISO-8859-1")), new byte[0]))
                .isEmpty();
        assertThat(utf8.problems(200, Map.of("Content-Type", List.of("text/plain;charset=\"UTF-8\"")), new byte[0]))
                .isEmpty();
        assertThat(utf8.problems(200, TEXT, new byte[0]))
                .containsExactly("Content-Type \"text/plain\", expected text/plain; charset=utf-8");
        assertThat(plain.problems(200, Map.of("Content-Type", List.of("text/html")), new byte[0]))
                .containsExactly("Content-Type \"text/html\", expected text/plain");
        assertThat(plain.problems(200, Map.of(), new byte[0]))
                .containsExactly("no Content-Type header, expected text/plain");
    }

    @Test
    void exactBodyShowsWhereItDiffers() {
        Expect hello = expect(null, "Hello, World!", null, null, null, null, null, Map.of());

        assertThat(hello.problems(200, TEXT, bytes("Hello, World!"))).isEmpty();
        assertThat(hello.problems(200, TEXT, bytes("Hello, world!"))).containsExactly(
                "body differs from expected at offset 7: got \"Hello, world!\", expected \"Hello, World!\"");
        assertThat(hello.problems(200, TEXT, bytes("Hello, World!\n"))).containsExactly(
                "body differs from expected at offset 13: got ...\"lo, World!\\n\", expected ...\"lo, World!\" "
                        + "(14 bytes, expected 13)");
        assertThat(hello.problems(200, TEXT, new byte[0])).containsExactly(
                "body differs from expected at offset 0: got \"\", expected \"Hello, World!\" (0 bytes, expected 13)");
    }

    @Test
    void bodyContains() {
        Expect contains = expect(null, null, "World", null, null, null, null, Map.of());

        assertThat(contains.problems(200, TEXT, bytes("Hello, World!"))).isEmpty();
        assertThat(contains.problems(200, TEXT, bytes("Hello"))).containsExactly("body does not contain \"World\"");
    }

    @Test
    void jsonIsComparedByValue() throws Exception {
        JsonNode expected = Json.MAPPER.readTree("{\"message\": \"Hello, World!\", \"n\": 1}");
        Expect json = expect(null, null, null, expected, null, null, null, Map.of());

        assertThat(json.problems(200, TEXT, bytes("{\"n\":1.0,\"message\":\"Hello, World!\"}"))).isEmpty();
        assertThat(json.problems(200, TEXT, bytes("{\"message\":\"Hello\",\"n\":1}"))).containsExactly(
                "JSON differs: got {\"message\":\"Hello\",\"n\":1}, expected {\"message\":\"Hello, World!\",\"n\":1}");
        assertThat(json.problems(200, TEXT, bytes("Hello"))).singleElement().asString()
                .startsWith("body is not JSON: Unrecognized token 'Hello'").endsWith(" in \"Hello\"");
        assertThat(json.problems(200, TEXT, bytes("{\"n\":1} {}"))).singleElement().asString()
                .startsWith("body is not JSON: Trailing token");
        assertThat(json.problems(200, TEXT, new byte[0])).containsExactly(
                "body is empty, expected JSON {\"message\":\"Hello, World!\",\"n\":1}");
        Expect jsonNull = expect(null, null, null, Json.MAPPER.nullNode(), null, null, null, Map.of());
        assertThat(jsonNull.problems(200, TEXT, bytes(" null "))).isEmpty();
        assertThat(jsonNull.problems(200, TEXT, bytes("{}"))).containsExactly("JSON differs: got {}, expected null");
    }

    @Test
    void htmlFromDifferentTemplateEnginesComparesEqualButUnescapedOutputDoesNot() {
        Expect html = expect(null, null, null, null, PAGE.toAbsolutePath(), null, null, Map.of());
        String jinja = "<!DOCTYPE html><html><body><p>Tom &amp; Jerry&#39;s &#34;quotes&#34; = fun</p>"
                + "<p>&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;</p></body></html>";
        String mustache = "<!DOCTYPE html>\n<html>\n<body>\n\n   <p>\n Tom &amp; Jerry&#x27;s &quot;quotes&quot; &#x3D; fun\n"
                + "</p>\n<p>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</p>\n</body>\n</html>\n";
        String unescaped = jinja.replace("&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;", "<script>alert(\"x\")</script>");

        assertThat(html.problems(200, TEXT, bytes(jinja))).isEmpty();
        assertThat(html.problems(200, TEXT, bytes(mustache))).isEmpty();
        assertThat(html.problems(200, TEXT, bytes(unescaped))).singleElement().asString()
                .startsWith("HTML (whitespace and entities normalised) differs from expected at offset 83: got "
                        + "...\"fun</p><p><script>alert(\\\"x\\\")</script></p\"..., expected ...\"fun</p><p>&lt;script&gt;");
        Expect missing = expect(null, null, null, null, Path.of("/nowhere/expected.html"), null, null, Map.of());
        assertThat(missing.problems(200, TEXT, bytes(jinja))).singleElement().asString()
                .startsWith("cannot read the expected HTML /nowhere/expected.html: java.nio.file.NoSuchFileException");
    }

    @Test
    void sha256AndContentLength() {
        // printf 'Hello, World!' | sha256sum
        String sha = "dffd6021bb2bd5b0af676290809ec3a53191dd81c7f70a4b28688a362182986f";
        Expect expect = expect(null, null, null, null, null, sha.toUpperCase(), 13L, Map.of());
        Map<String, List<String>> headers = Map.of("content-length", List.of("13"));

        assertThat(expect.problems(200, headers, bytes("Hello, World!"))).isEmpty();
        assertThat(expect.problems(200, Map.of("Content-Length", List.of("12")), bytes("Hello, World"))).containsExactly(
                "sha256 of body is 03675ac53ff9cd1535ccc7dfcdfa2c458c5218371f418dc136f2d19ac1fbe8a5, expected "
                        + sha.toUpperCase(),
                "Content-Length 12, expected 13",
                "body is 12 bytes, expected 13");
        assertThat(expect.problems(200, Map.of(), bytes("Hello, World!")))
                .containsExactly("no Content-Length header, expected 13");
    }

    @Test
    void requiredHeadersByExactValueOrPresence() {
        Expect expect = expect(null, null, null, null, null, null, null, Map.of("Server", "*", "X-Frame-Options", "DENY"));

        assertThat(expect.problems(200, Map.of("server", List.of("x"), "x-frame-options", List.of("DENY")), new byte[0]))
                .isEmpty();
        assertThat(expect.problems(200, Map.of("X-Frame-Options", List.of("SAMEORIGIN")), new byte[0]))
                .containsExactlyInAnyOrder("no Server header", "header X-Frame-Options is \"SAMEORIGIN\", expected \"DENY\"");
    }

    @Test
    void checksRealResponsesAgainstTheSuiteScenario() throws Exception {
        Expect plaintext = SuiteLoader.load(Path.of("src/test/resources/suites/full.yaml"))
                .scenario("plaintext").orElseThrow().expect();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/good", exchange -> {
            exchange.getResponseHeaders().add("Server", "test");
            exchange.getResponseHeaders().add("Content-Type", "text/plain;charset=UTF-8");
            exchange.sendResponseHeaders(200, 13);
            exchange.getResponseBody().write(bytes("Hello, World!"));
            exchange.close();
        });
        server.createContext("/bad", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/html");
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        server.start();
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()) {
            URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
            HttpResponse<byte[]> good = client.send(HttpRequest.newBuilder(base.resolve("/good"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofByteArray());
            HttpResponse<byte[]> bad = client.send(HttpRequest.newBuilder(base.resolve("/bad"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofByteArray());

            assertThat(plaintext.problems(good.statusCode(), good.headers().map(), good.body())).isEmpty();
            assertThat(plaintext.problems(bad.statusCode(), bad.headers().map(), bad.body())).containsExactly(
                    "status 500, expected 200",
                    "Content-Type \"text/html\", expected text/plain; charset=utf-8",
                    "body differs from expected at offset 0: got \"\", expected \"Hello, World!\" (0 bytes, expected 13)",
                    "no Server header");
        } finally {
            server.stop(0);
        }
    }

    private static Expect expect(String contentType, String body, String contains, JsonNode json, Path html,
            String sha256, Long length, Map<String, String> headers) {
        return new Expect(200, contentType, body, contains, json, html, sha256, length, headers);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(UTF_8);
    }
}
