package org.fwbench.run;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.fwbench.config.ScenarioDef;

/**
 * Checks a target's answer to a scenario once, fully, before any load (as TechEmpower does): a target
 * that answers wrongly is not benchmarked on that scenario, since its speed would mean nothing.
 *
 * <p>Each check has its own client, closed with its connection before the check returns: a kept-alive
 * connection left idle would hold one of a thread-per-connection server's threads during the load (the
 * only one of a single-threaded server, which then served the load nothing).
 */
final class Verifier {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** Headers the JDK client sets itself and refuses from callers; the load engine still sends them. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");

    /** The problems found with the answer; empty when it is correct. */
    List<String> check(ScenarioDef scenario, URI url) throws InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(TIMEOUT);
        scenario.headers().forEach((name, value) -> {
            if (!RESTRICTED.contains(name.toLowerCase(Locale.ROOT))) {
                request.header(name, value);
            }
        });
        String body = scenario.body() == null ? "" : scenario.body();
        request.method(scenario.method(), body.isEmpty()
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try (HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build()) {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return scenario.expect().problems(response.statusCode(), response.headers().map(), response.body());
        } catch (IOException e) {
            return List.of("no valid answer: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }
}
