package org.fwbench.load;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.fwbench.load.LoadSpec.Expectation;
import org.fwbench.load.LoadSpec.Header;

/** Load specs for tests: the engine's defaults, short runs, and one setter per thing a test changes. */
final class Specs {

    private URI url;
    private String method = "GET";
    private final List<Header> headers = new ArrayList<>();
    private byte[] body = new byte[0];
    private int connections = 2;
    private Duration duration = Duration.ofMillis(500);
    private long requests;
    private Duration warmup = Duration.ZERO;
    private Duration timeout = Duration.ofSeconds(2);
    private boolean keepAlive = true;
    private double rate;
    private LoadModel.Arrivals arrivals = LoadModel.Arrivals.EVEN;
    private double spawnRate;
    private Duration thinkTime = Duration.ZERO;
    private int expectStatus;
    private byte[] expectBody;
    private java.time.Instant startAt;

    private Specs(URI url) {
        this.url = url;
    }

    static Specs of(URI url) {
        return new Specs(url);
    }

    Specs method(String m) {
        method = m;
        return this;
    }

    Specs header(String name, String value) {
        headers.add(new Header(name, value));
        return this;
    }

    Specs body(String b) {
        body = b.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    Specs connections(int c) {
        connections = c;
        return this;
    }

    Specs duration(long millis) {
        duration = Duration.ofMillis(millis);
        return this;
    }

    /** A fixed count and no duration. */
    Specs requests(long n) {
        requests = n;
        duration = Duration.ZERO;
        return this;
    }

    Specs warmup(long millis) {
        warmup = Duration.ofMillis(millis);
        return this;
    }

    Specs timeout(long millis) {
        timeout = Duration.ofMillis(millis);
        return this;
    }

    Specs noKeepAlive() {
        keepAlive = false;
        return this;
    }

    Specs rate(double perSecond) {
        rate = perSecond;
        return this;
    }

    Specs spawnRate(double perSecond) {
        spawnRate = perSecond;
        return this;
    }

    Specs thinkTime(long millis) {
        thinkTime = Duration.ofMillis(millis);
        return this;
    }

    Specs expectStatus(int status) {
        expectStatus = status;
        return this;
    }

    Specs expectBody(byte[] b) {
        expectBody = b;
        return this;
    }

    Specs arrivals(LoadModel.Arrivals spacing) {
        arrivals = spacing;
        return this;
    }

    Specs startAt(java.time.Instant at) {
        startAt = at;
        return this;
    }

    LoadSpec build() {
        LoadModel model = rate > 0 ? new LoadModel.Open(rate, connections, arrivals)
                : LoadModel.Closed.of(connections).withSpawnRate(spawnRate).withThinkTime(thinkTime);
        Stop stop = requests == 0 ? Stop.after(duration)
                : duration.isZero() ? Stop.afterRequests(requests) : Stop.afterEither(duration, requests);
        return LoadSpec.to(url).method(method).headers(headers).body(body).expect(new Expectation(expectStatus, expectBody))
                .model(model).stop(stop).warmup(warmup).timeout(timeout).keepAlive(keepAlive).startAt(startAt).build();
    }
}
