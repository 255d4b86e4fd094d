package org.fwbench.config;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.fwbench.load.LoadModel;
import org.fwbench.load.LoadSpec;
import org.fwbench.load.Stop;

/**
 * Turns load settings with every value set (see {@link LoadSettings#layered}) into what the load engine
 * runs: for a suite's scenario in {@code fwbench run}, and for {@code fwbench hammer}.
 */
public final class LoadSpecs {

    private LoadSpecs() {
    }

    /** A spec for {@code url} with the settings' model, stop, warm-up, timeout and keep-alive; the caller adds the request. */
    public static LoadSpec.Builder builder(URI url, LoadSettings s) {
        LoadModel model = s.rate() > 0 ? new LoadModel.Open(s.rate(), s.connections(), s.arrivals())
                : LoadModel.Closed.of(s.connections()).withSpawnRate(s.spawnRate()).withThinkTime(s.thinkTime());
        return LoadSpec.to(url).model(model).stop(stop(s)).warmup(s.warmup()).timeout(s.timeout())
                .keepAlive(s.keepAlive());
    }

    /**
     * The measured load of a scenario against {@code url}; its warm-up is run separately (see {@link #warmup}), so
     * none here. The scenario's protocol picks the HTTP version (TLS is the URL's scheme), with the settings'
     * streams per connection for HTTP/2. An https target's certificate is not checked: a suite's targets run on
     * this machine, and the built-in ones make theirs at start (docs/suites.md, "TLS and HTTP/2").
     */
    public static LoadSpec measured(ScenarioDef def, LoadSettings s, URI url) {
        byte[] expectedBody = def.expect().body() == null ? null : def.expect().body().getBytes(StandardCharsets.UTF_8);
        LoadSpec.Builder b = builder(url, s).warmup(Duration.ZERO).method(def.method())
                .http(def.protocol().httpVersion())
                .streams(def.protocol() == HttpProtocol.HTTP_1_1 ? 1 : s.streams())
                .insecure(true)
                .body(def.body() == null ? new byte[0] : def.body().getBytes(StandardCharsets.UTF_8))
                // During load only status and an exact body are checked: the full check ran once before.
                .expect(new LoadSpec.Expectation(def.expect().status(), expectedBody));
        def.headers().forEach(b::header);
        return b.build();
    }

    /** The same load for the warm-up: as long as the warm-up, with no request count and no ramp. */
    public static LoadSpec warmup(LoadSpec measured, Duration warmup) {
        LoadModel model = measured.model() instanceof LoadModel.Closed c ? c.withSpawnRate(0) : measured.model();
        return measured.toBuilder().model(model).stop(Stop.after(warmup)).warmup(Duration.ZERO).build();
    }

    /**
     * The same load at a fixed arrival rate (open model, the scenario's connections at most) for as long as the
     * measured load: every target of a scenario then does the same work per second.
     */
    public static LoadSpec fixedRate(LoadSpec measured, double rate) {
        return measured.toBuilder().model(new LoadModel.Open(rate, measured.model().connections())).build();
    }

    /** Settings say "none" with a zero duration or a zero count. */
    private static Stop stop(LoadSettings s) {
        if (s.requests() == 0) {
            return Stop.after(s.duration());
        }
        return s.duration().isZero() ? Stop.afterRequests(s.requests()) : Stop.afterEither(s.duration(), s.requests());
    }
}
