package org.fwbench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestsTest {

    private static String encode(LoadSpec spec) {
        return new String(Requests.encode(spec), StandardCharsets.ISO_8859_1);
    }

    @Test
    void aGetCarriesPathQueryAndHostAndNothingElse() {
        assertThat(encode(Specs.of(URI.create("http://127.0.0.1:8080/a%20b/c?x=1&y=%2F")).build()))
                .isEqualTo("GET /a%20b/c?x=1&y=%2F HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n\r\n");
        assertThat(encode(Specs.of(URI.create("http://[::1]")).build())).isEqualTo("GET / HTTP/1.1\r\nHost: [::1]\r\n\r\n");
    }

    @Test
    void theUsersHostWinsAndContentLengthAndConnectionAreTheEngines() {
        LoadSpec spec = Specs.of(URI.create("http://127.0.0.1:8080/")).method("POST").body("hi")
                .header("Host", "example.test").header("Content-Length", "99").header("X-A", "1")
                .header("Connection", "close").build();
        assertThat(encode(spec)).isEqualTo("POST / HTTP/1.1\r\nHost: example.test\r\nX-A: 1\r\nContent-Length: 2\r\n"
                + "Connection: close\r\n\r\nhi");
        assertThat(Requests.keepAlive(spec)).isFalse();
    }

    @Test
    void withoutKeepAliveTheRequestSaysSoAndAnEmptyPostHasALength() {
        LoadSpec spec = Specs.of(URI.create("http://127.0.0.1/")).method("PUT").noKeepAlive().build();
        assertThat(encode(spec)).isEqualTo("PUT / HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        assertThat(Requests.keepAlive(Specs.of(URI.create("http://127.0.0.1/")).build())).isTrue();
    }
}
