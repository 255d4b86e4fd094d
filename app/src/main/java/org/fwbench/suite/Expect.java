package org.fwbench.suite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.fwbench.result.Json;

/**
 * What a correct response to a scenario is. Every check but {@code status} is optional (null or empty
 * when not asked for).
 *
 * @param contentType   media type, compared case-insensitively; its parameters (such as charset) are
 *                      compared only when given here
 * @param body          the exact body
 * @param bodyContains  text the body must contain
 * @param json          a value the body must be JSON-equal to (numbers compared by value)
 * @param html          a file the body must equal after {@link Html#normalise normalising} both
 * @param sha256        hex SHA-256 of the body
 * @param contentLength the Content-Length header and the body's actual length
 * @param headers       required response headers: name to exact value, or {@code *} for "present"
 */
public record Expect(int status, String contentType, String body, String bodyContains, JsonNode json, Path html,
        String sha256, Long contentLength, Map<String, String> headers) {

    private static final ObjectReader STRICT_JSON = Json.MAPPER.readerFor(JsonNode.class)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final Comparator<JsonNode> BY_VALUE = (a, b) -> a.equals(b)
            || a.isNumber() && b.isNumber() && a.decimalValue().compareTo(b.decimalValue()) == 0 ? 0 : 1;
    private static final int SHOWN = 80;

    public Expect {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** Only the status is checked. */
    public static Expect status(int status) {
        return new Expect(status, null, null, null, null, null, null, null, Map.of());
    }

    /**
     * What is wrong with a response, one short line per problem; empty when it is correct.
     *
     * @param headers response headers; names are matched case-insensitively
     */
    public List<String> problems(int status, Map<String, List<String>> headers, byte[] body) {
        Map<String, List<String>> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> byName.computeIfAbsent(name, n -> new ArrayList<>()).addAll(values));
        List<String> problems = new ArrayList<>();
        if (status != this.status) {
            problems.add("status " + status + ", expected " + this.status);
        }
        if (contentType != null) {
            addIfNotNull(problems, contentTypeProblem(byName.getOrDefault("Content-Type", List.of())));
        }
        if (this.body != null) {
            addIfNotNull(problems, Mismatch.of("body", body, this.body.getBytes(StandardCharsets.UTF_8)));
        }
        if (bodyContains != null && !new String(body, StandardCharsets.UTF_8).contains(bodyContains)) {
            problems.add("body does not contain " + Quote.of(bodyContains));
        }
        if (json != null) {
            addIfNotNull(problems, jsonProblem(body));
        }
        if (html != null) {
            addIfNotNull(problems, htmlProblem(body));
        }
        if (sha256 != null) {
            String actual = HexFormat.of().formatHex(sha256(body));
            if (!actual.equalsIgnoreCase(sha256)) {
                problems.add("sha256 of body is " + actual + ", expected " + sha256);
            }
        }
        if (contentLength != null) {
            problems.addAll(lengthProblems(byName.getOrDefault("Content-Length", List.of()), body.length));
        }
        this.headers.forEach((name, value) -> addIfNotNull(problems,
                headerProblem(name, value, byName.getOrDefault(name, List.of()))));
        return problems;
    }

    private String contentTypeProblem(List<String> values) {
        if (values.isEmpty()) {
            return "no Content-Type header, expected " + contentType;
        }
        return MediaType.parse(values.get(0)).satisfies(MediaType.parse(contentType))
                ? null
                : "Content-Type " + Quote.of(values.get(0)) + ", expected " + contentType;
    }

    private String jsonProblem(byte[] body) {
        if (body.length == 0) {
            return "body is empty, expected JSON " + shortened(json.toString());
        }
        JsonNode actual;
        try {
            actual = STRICT_JSON.readValue(body);
        } catch (JsonProcessingException e) {
            return "body is not JSON: " + e.getOriginalMessage().lines().findFirst().orElse("") + " in "
                    + Quote.shortened(new String(body, StandardCharsets.UTF_8), SHOWN);
        } catch (IOException e) {
            return "body is not JSON: " + e.getMessage();
        }
        return json.equals(BY_VALUE, actual)
                ? null
                : "JSON differs: got " + shortened(actual.toString()) + ", expected " + shortened(json.toString());
    }

    private String htmlProblem(byte[] body) {
        String expected;
        try {
            expected = Files.readString(html);
        } catch (IOException e) {
            return "cannot read the expected HTML " + html + ": " + e;
        }
        return Mismatch.of("HTML (whitespace and entities normalised)",
                Html.normalise(new String(body, StandardCharsets.UTF_8)), Html.normalise(expected));
    }

    private List<String> lengthProblems(List<String> values, int actualLength) {
        List<String> problems = new ArrayList<>();
        if (values.isEmpty()) {
            problems.add("no Content-Length header, expected " + contentLength);
        } else if (!values.get(0).trim().equals(contentLength.toString())) {
            problems.add("Content-Length " + values.get(0) + ", expected " + contentLength);
        }
        if (actualLength != contentLength) {
            problems.add("body is " + actualLength + " bytes, expected " + contentLength);
        }
        return problems;
    }

    private static String headerProblem(String name, String expected, List<String> values) {
        if (values.isEmpty()) {
            return "no " + name + " header" + (expected.equals("*") ? "" : ", expected " + Quote.of(expected));
        }
        if (expected.equals("*") || values.contains(expected)) {
            return null;
        }
        return "header " + name + " is " + Quote.of(values.get(0)) + ", expected " + Quote.of(expected);
    }

    private static byte[] sha256(byte[] body) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static String shortened(String text) {
        return text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "...";
    }

    private static void addIfNotNull(List<String> problems, String problem) {
        if (problem != null) {
            problems.add(problem);
        }
    }
}
