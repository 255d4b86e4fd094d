package org.fwbench.run;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.fwbench.config.HttpProtocol;
import org.fwbench.config.LoadSettings;
import org.fwbench.config.LoadSpecs;
import org.fwbench.config.ScenarioDef;
import org.fwbench.load.LoadEngine;
import org.fwbench.load.LoadResult;
import org.fwbench.server.ProbeClient;

/**
 * Checks a target's answer to a scenario once, fully, before any load (as TechEmpower does): a target
 * that answers wrongly is not benchmarked on that scenario, since its speed would mean nothing.
 *
 * <p>Each check has its own client, closed with its connection before the check returns: a kept-alive
 * connection left idle would hold one of a thread-per-connection server's threads during the load (the
 * only one of a single-threaded server, which then served the load nothing).
 *
 * <p>The answer is checked with the JDK's client: over HTTP/2 by ALPN for h2, else HTTP/1.1 (for h2c too: the
 * JDK has no h2c with prior knowledge, and the same port serves HTTP/1.1). A scenario that is not cleartext
 * HTTP/1.1 is then sent once more through the load engine itself, which must get the expected status over
 * exactly the protocol asked for: a server that falls back to HTTP/1.1, or does not speak h2c at all, is
 * caught before it is measured as something it is not.
 */
final class Verifier {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** Headers the JDK client sets itself and refuses from callers; the load engine still sends them. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");
    /** One request on one connection, with the check's own timeout. */
    private static final LoadSettings ONE_REQUEST = LoadSettings.layered(List.of(LoadSettings.DEFAULTS,
            LoadSettings.builder().connections(1).requests(1L).duration(Duration.ZERO).warmup(Duration.ZERO)
                    .timeout(TIMEOUT).build()));

    /** The problems found with the answer; empty when it is correct. */
    List<String> check(ScenarioDef scenario, URI url) throws InterruptedException {
        List<String> problems = answer(scenario, url);
        boolean plain = scenario.protocol() == HttpProtocol.HTTP_1_1 && "http".equalsIgnoreCase(url.getScheme());
        return problems.isEmpty() && !plain ? protocol(scenario, url) : problems;
    }

    private static List<String> answer(ScenarioDef scenario, URI url) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(TIMEOUT);
        scenario.headers().forEach((name, value) -> {
            if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                request.header(name, value);
            }
        });
        String body = scenario.body() == null ? "" : scenario.body();
        request.method(scenario.method(), body.isEmpty()
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpClient.Version version = scenario.protocol() == HttpProtocol.H2
                ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1;
        try (HttpClient client = ProbeClient.create(version, TIMEOUT)) {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return scenario.expect().problems(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            return List.of("no valid answer: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    /** One request through the load engine, as the load will send it: it must succeed over the protocol asked for. */
    private static List<String> protocol(ScenarioDef scenario, URI url) throws InterruptedException {
        LoadResult r;
        try (LoadEngine engine = new LoadEngine()) {
            r = engine.run(LoadSpecs.measured(scenario, ONE_REQUEST, url), p -> { });
        } catch (IllegalArgumentException e) {
            return List.of("the load engine cannot send it: " + e.getMessage());
        }
        String asked = scenario.protocol().negotiated();
        String spoken = r.transport() == null ? null : r.transport().protocol();
        if (r.ok() == 0) {
            return List.of("no valid answer over " + asked + " through the load engine: " + failures(r));
        }
        if (!asked.equals(spoken)) {
            return List.of("asked for " + asked + ", but the connection spoke " + spoken
                    + (scenario.protocol() == HttpProtocol.H2 ? " (the server did not offer h2 by ALPN)" : ""));
        }
        return List.of();
    }

    /** {@code status 404: 1} or {@code tls: 1}, what went wrong. */
    private static String failures(LoadResult r) {
        if (r.firstMismatch() != null) {
            return r.firstMismatch();
        }
        Map<String, Long> counts = new TreeMap<>();
        r.errors().forEach((kind, n) -> {
            if (n > 0) {
                counts.put(kind, n);
            }
        });
        r.statuses().forEach((code, n) -> counts.put("status " + code, n));
        return counts.isEmpty() ? "no response" : counts.toString();
    }
}
