package org.fwbench.load;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to send, how and for how long: everything the engine needs for one load, and nothing about where
 * the URL came from. Built by name with {@link #to(URI)}.
 *
 * @param url       http URL on the server under load
 * @param method    request method, e.g. GET
 * @param headers   extra request headers, in order (Host, Content-Length and Connection are the engine's)
 * @param body      request body; empty for none
 * @param expect    what a successful response is
 * @param model     how requests are issued: closed or open
 * @param stop      when the measured window ends: a duration, a request count, or whichever comes first
 * @param warmup    load sent before the measured window and not counted; ZERO for none
 * @param timeout   per-request timeout; an expired request is a {@code timeout} error
 * @param keepAlive false: a new TCP connection for every request
 * @param startAt   when the measured window opens (the warm-up comes before it), so that agents on several
 *                  machines load together; empty: at once
 * @param http      the HTTP version to speak: HTTP/2 is h2 by ALPN over https (HTTP/1.1 when the server offers
 *                  no h2) and h2c with prior knowledge over http
 * @param streams   HTTP/2: the most requests in flight at once on one connection (h2load's -m); 1 for HTTP/1.1
 * @param insecure  https: accept any certificate (self-signed, wrong host); false: an untrusted one fails the run
 * @param tlsResume https: resume TLS sessions on new connections (the cheaper, abbreviated handshake)
 */
public record LoadSpec(
        URI url,
        String method,
        List<Header> headers,
        byte[] body,
        Expectation expect,
        LoadModel model,
        Stop stop,
        Duration warmup,
        Duration timeout,
        boolean keepAlive,
        Optional<Instant> startAt,
        HttpVersion http,
        int streams,
        boolean insecure,
        boolean tlsResume) {

    public LoadSpec {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(method, "method");
        headers = List.copyOf(headers);
        body = body.clone();
        Objects.requireNonNull(expect, "expect");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(stop, "stop");
        Objects.requireNonNull(warmup, "warmup");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(startAt, "startAt");
        Objects.requireNonNull(http, "http");
        if (streams < 1) {
            throw new IllegalArgumentException("streams must be at least 1, not " + streams);
        }
        if (streams > 1 && http != HttpVersion.HTTP_2) {
            throw new IllegalArgumentException("more than one stream per connection needs HTTP/2");
        }
        if (!keepAlive && http == HttpVersion.HTTP_2) {
            throw new IllegalArgumentException("a new connection per request (no keep-alive) needs HTTP/1.1");
        }
    }

    /**
     * A spec for {@code url}, to be given its model, stop and timeout; unless told otherwise it is a GET
     * with no extra headers, no body and no warm-up, over keep-alive HTTP/1.1 connections, one request at a
     * time on each, with TLS sessions resumed and certificates checked (https), and any 2xx/3xx response is
     * a success.
     */
    public static Builder to(URI url) {
        return new Builder(url);
    }

    /** A builder that starts from this spec. */
    public Builder toBuilder() {
        return new Builder(url).method(method).headers(headers).body(body).expect(expect).model(model).stop(stop)
                .warmup(warmup).timeout(timeout).keepAlive(keepAlive).startAt(startAt.orElse(null)).http(http).streams(streams)
                .insecure(insecure).tlsResume(tlsResume);
    }

    public boolean openModel() {
        return model instanceof LoadModel.Open;
    }

    /** True for an https URL: the connections are TLS. */
    public boolean tls() {
        return "https".equalsIgnoreCase(url.getScheme());
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** One request header. */
    public record Header(String name, String value) {
        public Header {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * What counts as success: the given status (or any 2xx/3xx when {@code status} is 0) and, when
     * {@code body} is not null, exactly that body. A response that misses either is a
     * {@code validation} error when an expectation was set, a {@code status} error otherwise.
     */
    public record Expectation(int status, byte[] body) {
        public static final Expectation ANY_SUCCESS = new Expectation(0, null);

        public Expectation {
            body = body == null ? null : body.clone();
        }

        @Override
        public byte[] body() {
            return body == null ? null : body.clone();
        }
    }

    /** A spec by name; {@link #model}, {@link #stop} and {@link #timeout} must be given. */
    public static final class Builder {
        private final URI url;
        private String method = "GET";
        private List<Header> headers = new ArrayList<>();
        private byte[] body = new byte[0];
        private Expectation expect = Expectation.ANY_SUCCESS;
        private LoadModel model;
        private Stop stop;
        private Duration warmup = Duration.ZERO;
        private Duration timeout;
        private boolean keepAlive = true;
        private Instant startAt;
        private HttpVersion http = HttpVersion.HTTP_1_1;
        private int streams = 1;
        private boolean insecure;
        private boolean tlsResume = true;

        private Builder(URI url) {
            this.url = url;
        }

        public Builder method(String m) {
            method = m;
            return this;
        }

        public Builder headers(List<Header> list) {
            headers = new ArrayList<>(list);
            return this;
        }

        public Builder header(String name, String value) {
            headers.add(new Header(name, value));
            return this;
        }

        public Builder body(byte[] bytes) {
            body = bytes;
            return this;
        }

        public Builder expect(Expectation e) {
            expect = e;
            return this;
        }

        public Builder model(LoadModel m) {
            model = m;
            return this;
        }

        public Builder stop(Stop s) {
            stop = s;
            return this;
        }

        public Builder warmup(Duration d) {
            warmup = d;
            return this;
        }

        public Builder timeout(Duration d) {
            timeout = d;
            return this;
        }

        public Builder keepAlive(boolean on) {
            keepAlive = on;
            return this;
        }

        /** The instant the measured window opens; null: at once. */
        public Builder startAt(Instant at) {
            startAt = at;
            return this;
        }

        public Builder http(HttpVersion version) {
            http = version;
            return this;
        }

        /** HTTP/2: requests in flight at once on one connection. */
        public Builder streams(int n) {
            streams = n;
            return this;
        }

        public Builder insecure(boolean on) {
            insecure = on;
            return this;
        }

        public Builder tlsResume(boolean on) {
            tlsResume = on;
            return this;
        }

        public LoadSpec build() {
            return new LoadSpec(url, method, headers, body, expect, model, stop, warmup, timeout, keepAlive,
                    Optional.ofNullable(startAt), http, streams, insecure, tlsResume);
        }
    }
}
