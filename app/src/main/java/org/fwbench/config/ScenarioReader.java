package org.fwbench.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads the {@code scenarios} of a suite file. */
final class ScenarioReader {

    static final List<String> KEYS = List.of("name", "method", "path", "headers", "body", "expect", "load",
            "protocol");
    private static final List<String> EXPECT_KEYS = List.of("status", "contentType", "body", "bodyContains", "json",
            "html", "sha256", "contentLength", "headers");
    private static final Pattern NAME = Pattern.compile("[a-z0-9-]+");
    private static final Pattern METHOD = Pattern.compile("[A-Za-z]+");
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
    private static final Pattern PATH = Pattern.compile("/.*");

    private final Problems problems;
    private final TemplateCheck check;
    private final Path suiteDir;

    ScenarioReader(Problems problems, TemplateCheck check, Path suiteDir) {
        this.problems = problems;
        this.check = check;
        this.suiteDir = suiteDir;
    }

    /** The scenario, or null when it is too broken to build (its problems are recorded). */
    ScenarioDef read(Node node, int index) {
        Section s = Section.of(problems, node, "each scenario must be a mapping", Section.named("scenario", node, index),
                KEYS);
        if (s == null) {
            return null;
        }
        String name = s.text("name", NAME, "lowercase letters, digits and '-'");
        s.required("name");
        String method = s.text("method", METHOD, "an HTTP method such as GET or POST");
        String path = s.text("path", PATH, "a path starting with /");
        s.required("path");
        check.text(s.node("path"));
        Map<String, String> headers = s.textMap("headers");
        checkHeaderNames(s.node("headers"));
        String body = s.text("body");
        Expect expect = expect(s.section("expect", "'expect' of " + s.subject(), EXPECT_KEYS));
        LoadSettings load = SuiteLoader.loadSettings(s.section("load", "'load' of " + s.subject(), SuiteLoader.LOAD_KEYS));
        HttpProtocol protocol = protocol(s);
        if (name == null || path == null) {
            return null;
        }
        return new ScenarioDef(name, method == null ? "GET" : method.toUpperCase(Locale.ROOT), path,
                headers == null ? Map.of() : headers, body == null ? "" : body, expect, load,
                protocol == null ? HttpProtocol.HTTP_1_1 : protocol);
    }

    /** The scenario's protocol; null when absent or wrong (a wrong one is a problem, with a suggestion). */
    private static HttpProtocol protocol(Section s) {
        Node node = s.node("protocol");
        if (node == null) {
            return null;
        }
        String text = node instanceof Node.Scalar scalar ? scalar.textOrNull() : null;
        HttpProtocol protocol = text == null ? null : HttpProtocol.of(text).orElse(null);
        if (protocol == null) {
            String hint = text == null ? "" : Suggestions.didYouMean(text, HttpProtocol.keys());
            if (hint.isEmpty() && text != null && text.contains("2")) {
                hint = " (HTTP/2 is h2 over TLS, h2c in cleartext)";
            }
            s.problems().add(node.mark(), "'protocol' must be one of " + String.join(", ", HttpProtocol.keys())
                    + ", not " + node.describe() + hint);
        }
        return protocol;
    }

    private void checkHeaderNames(Node node) {
        if (node instanceof Node.Mapping m) {
            m.entries().forEach((name, entry) -> {
                if (!HEADER_NAME.matcher(name).matches()) {
                    problems.add(entry.keyMark(), Quote.of(name) + " is not a valid header name");
                }
            });
        }
    }

    private Expect expect(Section e) {
        if (e == null) {
            return Expect.status(200);
        }
        Integer status = e.integer("status", 100, 599, "an HTTP status from 100 to 599");
        String html = e.text("html");
        Map<String, String> headers = e.textMap("headers");
        checkHeaderNames(e.node("headers"));
        return new Expect(status == null ? 200 : status, e.text("contentType"), e.text("body"), e.text("bodyContains"),
                json(e.node("json")), html == null ? null : suiteDir.resolve(html).normalize(), e.text("sha256"),
                e.whole("contentLength", 0, Long.MAX_VALUE, "a whole number, 0 or more"),
                headers == null ? Map.of() : headers);
    }

    private static JsonNode json(Node node) {
        if (node == null) {
            return null;
        }
        Object plain = plain(node);
        return plain == null ? NullNode.getInstance() : JsonValues.tree(plain);
    }

    private static Object plain(Node node) {
        return switch (node) {
            case Node.Scalar s -> s.value();
            case Node.Sequence seq -> {
                List<Object> items = new ArrayList<>();
                seq.items().forEach(item -> items.add(plain(item)));
                yield items;
            }
            case Node.Mapping m -> {
                Map<String, Object> entries = new LinkedHashMap<>();
                m.entries().forEach((key, entry) -> entries.put(key, plain(entry.value())));
                yield entries;
            }
        };
    }
}
