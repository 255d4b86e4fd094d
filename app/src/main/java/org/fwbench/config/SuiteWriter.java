package org.fwbench.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import org.fwbench.units.Durations;

/**
 * Writes a suite built from a command line ({@link AdHocSuite}) as a commented suite file that
 * {@link SuiteLoader} reads back into the same suite. Jackson's YAML writer does the quoting; the
 * comments are put before the top-level keys afterwards, since it writes none.
 */
public final class SuiteWriter {

    private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build());

    private static final Map<String, String> COMMENTS = Map.of(
            "load:", "# Load settings of every scenario; `fwbench run` options override them.",
            "scenarios:", "# Each scenario is a request sent to every target, and what a correct answer is.",
            "targets:", "# Servers fwbench starts (command: an argv, never a shell string; ${port} is a free port\n"
                    + "# fwbench chooses) or finds running (url: fwbench neither starts nor stops it).");

    private SuiteWriter() {
    }

    /** The suite file's text. */
    public static String write(Suite suite) {
        Map<String, Object> top = new LinkedHashMap<>();
        top.put("name", suite.name());
        if (suite.description() != null) {
            top.put("description", suite.description());
        }
        Map<String, Object> load = load(suite.load());
        if (!load.isEmpty()) {
            top.put("load", load);
        }
        top.put("scenarios", suite.scenarios().stream().map(SuiteWriter::scenario).toList());
        top.put("targets", suite.targets().stream().map(SuiteWriter::target).toList());
        String yaml;
        try {
            yaml = YAML.writeValueAsString(top);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("plain maps, lists and strings always write", e);
        }
        StringBuilder out = new StringBuilder();
        out.append("# A fwbench suite written by `fwbench init`. Run it with: fwbench run THIS-FILE\n");
        out.append("# Commands run in this file's folder. The format: docs/suites.md\n");
        for (String line : yaml.lines().toList()) {
            String comment = line.startsWith(" ") ? null : COMMENTS.get(line);
            if (comment != null) {
                out.append('\n').append(comment).append('\n');
            }
            out.append(line).append('\n');
        }
        return out.toString();
    }

    private static Map<String, Object> load(LoadSettings s) {
        Map<String, Object> out = new LinkedHashMap<>();
        putDuration(out, "duration", s.duration());
        putDuration(out, "warmup", s.warmup());
        putIfSet(out, "connections", s.connections());
        putIfSet(out, "rate", s.rate());
        putIfSet(out, "requests", s.requests());
        putDuration(out, "timeout", s.timeout());
        putIfSet(out, "keepAlive", s.keepAlive());
        putIfSet(out, "spawnRate", s.spawnRate());
        putDuration(out, "thinkTime", s.thinkTime());
        putIfSet(out, "streams", s.streams());
        putIfSet(out, "arrivals", s.arrivals() == null ? null : s.arrivals().key());
        return out;
    }

    private static void putDuration(Map<String, Object> out, String key, Duration d) {
        if (d != null) {
            out.put(key, Durations.format(d));
        }
    }

    private static void putIfSet(Map<String, Object> out, String key, Object value) {
        if (value != null) {
            out.put(key, value);
        }
    }

    private static Map<String, Object> scenario(ScenarioDef s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", s.name());
        if (!s.method().equals("GET")) {
            out.put("method", s.method());
        }
        out.put("path", s.path());
        if (s.protocol() != HttpProtocol.HTTP_1_1) {
            out.put("protocol", s.protocol().key());
        }
        if (!s.headers().isEmpty()) {
            out.put("headers", s.headers());
        }
        if (!s.body().isEmpty()) {
            out.put("body", s.body());
        }
        Map<String, Object> expect = new LinkedHashMap<>();
        expect.put("status", s.expect().status());
        putIfSet(expect, "body", s.expect().body());
        putIfSet(expect, "json", s.expect().json());
        out.put("expect", expect);
        return out;
    }

    private static Map<String, Object> target(TargetDef t) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", t.name());
        if (t.alreadyRunning()) {
            out.put("url", t.url());
            putIfSet(out, "pid", t.pidNone() ? TargetDef.NO_PID : t.pid());
        } else {
            out.put("command", new ArrayList<>(t.command()));
            if (t.tls()) {
                out.put("tls", true);
            }
        }
        return out;
    }
}
