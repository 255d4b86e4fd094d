package org.fwbench.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fwbench.load.LoadSpec;
import org.fwbench.load.LoadSpec.Expectation;
import org.fwbench.load.LoadSpec.Header;
import picocli.CommandLine.Option;

/** What {@code hammer} sends and what counts as a success: the request options it shares with {@code k8s-job}. */
final class RequestOptions {

    @Option(names = {"-H", "--header"}, paramLabel = "'Name: value'", description = "A request header; repeatable.")
    List<String> headers = new ArrayList<>();

    @Option(names = {"-X", "--method"}, defaultValue = "GET", description = "Request method. Default: ${DEFAULT-VALUE}.")
    String method;

    @Option(names = "--body", paramLabel = "TEXT|@FILE", description = "Request body: the text, or the content of FILE.")
    String body;

    @Option(names = "--expect-status", paramLabel = "CODE", description = "Only this status is a success; others are validation errors.")
    int expectStatus;

    @Option(names = "--expect-body", paramLabel = "TEXT|@FILE", description = "Only this exact body is a success; others are validation errors.")
    String expectBody;

    /** Whether an expectation was set: then any failed request fails the run. */
    boolean expects() {
        return expectStatus != 0 || expectBody != null;
    }

    /** Adds the request and the expectation to {@code spec}; bad values are one-line usage errors. */
    LoadSpec.Builder applyTo(LoadSpec.Builder spec) {
        if (expectStatus != 0 && (expectStatus < 100 || expectStatus > 599)) {
            throw new UsageException("--expect-status must be an HTTP status code (100-599), not " + expectStatus);
        }
        if (method.isBlank() || !method.chars().allMatch(c -> c > 32 && c < 127)) {
            throw new UsageException("not a request method: '" + method + "'");
        }
        byte[] expected = expectBody == null ? null : textOrFile(expectBody, "--expect-body");
        return spec.method(method.toUpperCase(Locale.ROOT)).headers(headers())
                .body(body == null ? new byte[0] : textOrFile(body, "--body"))
                .expect(new Expectation(expectStatus, expected));
    }

    private List<Header> headers() {
        List<Header> list = new ArrayList<>();
        for (String h : headers) {
            int colon = h.indexOf(':');
            if (colon <= 0 || h.substring(0, colon).isBlank()) {
                throw new UsageException("a header is 'Name: value', not '" + h + "'");
            }
            list.add(new Header(h.substring(0, colon).trim(), h.substring(colon + 1).trim()));
        }
        return list;
    }

    private static byte[] textOrFile(String value, String option) {
        if (!value.startsWith("@")) {
            return value.getBytes(StandardCharsets.UTF_8);
        }
        Path file = Path.of(value.substring(1));
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UsageException(option + ": no such file: " + file);
        } catch (IOException e) {
            throw new UsageException(option + ": cannot read " + file + ": " + e.getMessage());
        }
    }
}
