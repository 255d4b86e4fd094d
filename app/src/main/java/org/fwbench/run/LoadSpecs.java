package org.fwbench.run;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.fwbench.load.LoadSpec;
import org.fwbench.result.ScenarioResult.AppliedLoad;
import org.fwbench.config.Expect;
import org.fwbench.config.LoadSettings;
import org.fwbench.config.ScenarioDef;

/** Turns load settings (of a planned scenario, or of {@code fwbench hammer}) into what the load engine understands. */
public final class LoadSpecs {

    private LoadSpecs() {
    }

    /** The measured load of a scenario against {@code url}; its warm-up is run separately, so none here. */
    static LoadSpec measured(RunPlan.PlannedScenario scenario, URI url) {
        ScenarioDef def = scenario.def();
        LoadSettings s = scenario.load().overriddenBy(
                new LoadSettings(null, Duration.ZERO, null, null, null, null, null, null, null));
        return of(url, def.method(),
                def.headers().entrySet().stream().map(e -> new LoadSpec.Header(e.getKey(), e.getValue())).toList(),
                def.body() == null ? new byte[0] : def.body().getBytes(StandardCharsets.UTF_8), s,
                expectation(def.expect()));
    }

    /** A load spec from settings with every value set (see {@link LoadSettings#layered}). */
    public static LoadSpec of(URI url, String method, List<LoadSpec.Header> headers, byte[] body, LoadSettings s,
            LoadSpec.Expectation expect) {
        return new LoadSpec(url, method, headers, body, s.connections(), s.duration(), s.requests(), s.warmup(),
                s.timeout(), s.keepAlive(), s.rate(), s.spawnRate(), s.thinkTime(), expect);
    }

    /** The same load for the warm-up: as long as the warm-up, with no request count. */
    static LoadSpec warmup(LoadSpec measured, Duration warmup) {
        return new LoadSpec(measured.url(), measured.method(), measured.headers(), measured.body(),
                measured.connections(), warmup, 0, Duration.ZERO, measured.timeout(), measured.keepAlive(),
                measured.rate(), 0, measured.thinkTime(), measured.expect());
    }

    /** During load only status and an exact body are checked: the full check ran once before. */
    private static LoadSpec.Expectation expectation(Expect expect) {
        byte[] body = expect.body() == null ? null : expect.body().getBytes(StandardCharsets.UTF_8);
        return new LoadSpec.Expectation(expect.status(), body);
    }

    static AppliedLoad applied(LoadSettings s) {
        return new AppliedLoad(seconds(s.duration()), seconds(s.warmup()), s.connections(), s.rate(), s.requests(),
                seconds(s.timeout()), s.keepAlive(), s.spawnRate(), seconds(s.thinkTime()));
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }
}
