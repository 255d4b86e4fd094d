package org.fwbench.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.fwbench.load.LoadModel;

/**
 * Reads and checks a suite file. Every problem found (malformed YAML, an unknown key, a missing or
 * mistyped value, a duplicate name, an unknown placeholder) is reported as
 * {@code FILE:LINE:COL: what is wrong} in one {@link SuiteException}.
 */
public final class SuiteLoader {

    static final List<String> LOAD_KEYS = List.of("duration", "warmup", "connections", "rate", "requests", "timeout",
            "keepAlive", "spawnRate", "thinkTime", "streams", "arrivals");
    private static final List<String> KEYS = List.of("name", "description", "vars", "load", "scenarios", "targets");
    private static final String DURATION = "a duration such as 500ms, 10s or 1m";
    private static final Pattern ARRIVALS = Pattern.compile(Arrays.stream(LoadModel.Arrivals.values())
            .map(LoadModel.Arrivals::key).collect(Collectors.joining("|")));

    private SuiteLoader() {
    }

    /** @throws SuiteException listing every problem of the file */
    public static Suite load(Path file) {
        Problems problems = new Problems(file);
        Node root = YamlReader.read(file, problems);
        Section top = Section.of(problems, root, "a suite must be a mapping with 'name', 'scenarios' and 'targets'",
                "the suite", KEYS);
        if (top == null) {
            throw problems.exception();
        }
        String name = top.text("name");
        top.required("name");
        String description = top.text("description");
        int before = problems.count();
        Map<String, List<String>> vars = vars(top);
        boolean varsWritten = problems.count() == before;
        TemplateCheck check = new TemplateCheck(varsWritten ? checkedVars(top, vars) : null, problems);
        LoadSettings load = loadSettings(top.section("load", "'load' of the suite", LOAD_KEYS));
        Path suiteDir = file.toAbsolutePath().normalize().getParent();
        ScenarioReader scenarioReader = new ScenarioReader(problems, check, suiteDir);
        List<ScenarioDef> scenarios = list(top, "scenarios", scenarioReader::read, ScenarioDef::name);
        TargetReader targetReader = new TargetReader(problems, check, scenarios, suiteDir);
        List<TargetDef> targets = list(top, "targets", targetReader::read, TargetDef::name);
        problems.throwIfAny();
        Suite suite = new Suite(file, name, description, vars, load, scenarios, targets);
        checkEndings(suite, top, problems);
        checkProtocols(suite, top, problems);
        problems.throwIfAny();
        return suite;
    }

    /** Load settings of a {@code load} section; {@link LoadSettings#EMPTY} when there is none. */
    static LoadSettings loadSettings(Section s) {
        if (s == null) {
            return LoadSettings.EMPTY;
        }
        return LoadSettings.builder()
                .duration(s.duration("duration", Duration.ZERO, DURATION))
                .warmup(s.duration("warmup", Duration.ZERO, DURATION))
                .connections(s.integer("connections", 1, Integer.MAX_VALUE, "a positive whole number"))
                .rate(s.rate("rate"))
                .requests(s.whole("requests", 0, Long.MAX_VALUE, "a whole number, 0 or more"))
                .timeout(s.duration("timeout", Duration.ofMillis(1), "a duration longer than 0 such as 500ms, 10s or 1m"))
                .keepAlive(s.bool("keepAlive"))
                .spawnRate(s.rate("spawnRate"))
                .thinkTime(s.duration("thinkTime", Duration.ZERO, DURATION))
                .streams(s.integer("streams", 1, Integer.MAX_VALUE, "a positive whole number"))
                .arrivals(LoadModel.Arrivals.byKey(s.text("arrivals", ARRIVALS, LoadModel.Arrivals.keys())).orElse(null))
                .build();
    }


    private static Map<String, List<String>> vars(Section top) {
        Map<String, List<String>> vars = new LinkedHashMap<>();
        Node node = top.node("vars");
        if (node == null) {
            return vars;
        }
        if (!(node instanceof Node.Mapping mapping)) {
            top.problems().add(node.mark(), "'vars' must be a mapping of names to strings or lists of strings, not "
                    + node.describe());
            return vars;
        }
        mapping.entries().forEach((name, entry) -> {
            if (!Template.NAME.matcher(name).matches()) {
                top.problems().add(entry.keyMark(), "'" + name + "' is not a variable name (letters, digits, _ . -)");
            } else if (Placeholders.BUILT_INS.contains(name)) {
                top.problems().add(entry.keyMark(), "'" + name + "' is a built-in placeholder: choose another name");
            }
            List<String> value = varValue(entry.value());
            if (value == null) {
                top.problems().add(entry.value().mark(), "variable '" + name
                        + "' must be a string or a list of strings, not " + entry.value().describe());
            } else {
                vars.put(name, value);
            }
        });
        return vars;
    }

    private static List<String> varValue(Node node) {
        if (node instanceof Node.Scalar s) {
            return s.textOrNull() == null ? null : List.of(s.textOrNull());
        }
        if (node instanceof Node.Sequence seq) {
            List<String> items = new ArrayList<>();
            for (Node item : seq.items()) {
                if (!(item instanceof Node.Scalar s) || s.textOrNull() == null) {
                    return null;
                }
                items.add(s.textOrNull());
            }
            return items;
        }
        return null;
    }

    /** The placeholders to check templates with, or null when a variable's own value is already wrong. */
    private static Placeholders checkedVars(Section top, Map<String, List<String>> vars) {
        Placeholders placeholders = Placeholders.forChecking(vars);
        boolean ok = true;
        if (top.node("vars") instanceof Node.Mapping mapping) {
            for (var entry : mapping.entries().entrySet()) {
                try {
                    placeholders.argv(List.of("${" + entry.getKey() + "}"));
                } catch (SuiteException e) {
                    top.problems().add(entry.getValue().value().mark(), e.getMessage());
                    ok = false;
                }
            }
        }
        return ok ? placeholders : null;
    }

    /** A required, non-empty list whose items have unique names. */
    private static <T> List<T> list(Section top, String key, BiFunction<Node, Integer, T> read,
            Function<T, String> nameOf) {
        Node node = top.required(key);
        if (node == null) {
            return List.of();
        }
        if (!(node instanceof Node.Sequence seq)) {
            top.problems().add(node.mark(), "'" + key + "' must be a list, not " + node.describe());
            return List.of();
        }
        String kind = key.substring(0, key.length() - 1);
        if (seq.items().isEmpty()) {
            top.problems().add(node.mark(), "'" + key + "' must list at least one " + kind);
        }
        List<T> items = new ArrayList<>();
        Map<String, Node.Mark> seen = new HashMap<>();
        for (int i = 0; i < seq.items().size(); i++) {
            Node itemNode = seq.items().get(i);
            T item = read.apply(itemNode, i + 1);
            if (item == null) {
                continue;
            }
            String name = nameOf.apply(item);
            Node.Mark first = seen.putIfAbsent(name, nameMark(itemNode));
            if (first != null) {
                top.problems().add(nameMark(itemNode), "duplicate " + kind + " name '" + name + "' (first at line "
                        + first.line() + ")");
            } else {
                items.add(item);
            }
        }
        return items;
    }

    /**
     * Every scenario's protocol must fit every target's transport: h2 needs a target that serves TLS, h2c one
     * that does not. Reported at the scenario's 'protocol'.
     */
    private static void checkProtocols(Suite suite, Section top, Problems problems) {
        Node.Sequence nodes = (Node.Sequence) top.node("scenarios");
        for (int i = 0; i < suite.scenarios().size(); i++) {
            ScenarioDef scenario = suite.scenarios().get(i);
            HttpProtocol protocol = scenario.protocol();
            Node.Mapping scenarioNode = (Node.Mapping) nodes.items().get(i);
            Node.Entry written = scenarioNode.entries().get("protocol");
            Node.Mark mark = written == null ? scenarioNode.mark() : written.value().mark();
            for (TargetDef target : suite.targets()) {
                if (!protocol.fits(target.tls())) {
                    problems.add(mark, "scenario '" + scenario.name() + "' speaks " + protocol.key() + ", but target '"
                            + target.name() + "' " + (target.tls()
                            ? "serves TLS: use h2 (or http1.1) with it"
                            : "is cleartext: h2 runs over TLS only (give the target 'tls: true' and start it with TLS), "
                                    + "h2c is HTTP/2 in cleartext"));
                }
            }
        }
    }


    private static Node.Mark nameMark(Node item) {
        return ((Node.Mapping) item).entries().get("name").value().mark();
    }

    /**
     * A scenario must end somehow: by its duration or by its request count. Called only on a suite read
     * without problems, where every scenario node became a scenario, in order.
     */
    private static void checkEndings(Suite suite, Section top, Problems problems) {
        Node.Sequence nodes = (Node.Sequence) top.node("scenarios");
        for (int i = 0; i < suite.scenarios().size(); i++) {
            LoadSettings settings = suite.loadFor(suite.scenarios().get(i), LoadSettings.EMPTY);
            if (settings.duration().isZero() && settings.requests() == 0) {
                problems.add(nodes.items().get(i).mark(), "scenario '" + suite.scenarios().get(i).name()
                        + "' has neither a 'duration' nor a request count ('requests') to end it");
            }
        }
    }
}
