package org.fwbench.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The values of {@code ${name}} placeholders as fwbench knows them when it launches a target: the
 * built-ins {@code port}, {@code java}, {@code python}, {@code home}, {@code suiteDir} and {@code files}, and the
 * suite's {@code vars}, whose values may use placeholders themselves. Expansion failures are
 * {@link SuiteException}s without a file position (the loader has already checked every template of
 * its suite, so at launch time they only come from templates built elsewhere).
 */
public final class Placeholders {

    /** Built-in names, in the order they are listed in messages. */
    static final List<String> BUILT_INS = List.of("port", "java", "python", "home", "suiteDir", "files");

    private final Map<String, String> builtIns;
    private final Map<String, List<String>> vars;

    private Placeholders(Map<String, String> builtIns, Map<String, List<String>> vars) {
        this.builtIns = Map.copyOf(builtIns);
        this.vars = Collections.unmodifiableMap(new LinkedHashMap<>(vars));
    }

    /** Everything but the port, which is chosen per target: see {@link #withPort}. */
    public static Placeholders of(Suite suite, Path home, String python) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("java", javaCommand());
        values.put("python", python);
        values.put("home", home.toAbsolutePath().normalize().toString());
        values.put("suiteDir", suite.directory().toString());
        return new Placeholders(values, suite.vars());
    }

    /** Stand-in values for every built-in: enough to find unknown names, cycles and misplaced lists. */
    static Placeholders forChecking(Map<String, List<String>> vars) {
        Map<String, String> values = new LinkedHashMap<>();
        BUILT_INS.forEach(name -> values.put(name, name));
        return new Placeholders(values, vars);
    }

    public Placeholders withPort(int port) {
        Map<String, String> values = new LinkedHashMap<>(builtIns);
        values.put("port", Integer.toString(port));
        return new Placeholders(values, vars);
    }

    /** The same values with {@code ${files}}: the folder a target's filled template files are written to. */
    public Placeholders withFiles(Path folder) {
        Map<String, String> values = new LinkedHashMap<>(builtIns);
        values.put("files", folder.toAbsolutePath().normalize().toString());
        return new Placeholders(values, vars);
    }

    /** The java binary running fwbench, so that targets run on the same JDK. */
    public static String javaCommand() {
        return ProcessHandle.current().info().command()
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** {@code FWBENCH_PYTHON} when set, else {@code /usr/bin/python3} if it exists, else {@code python3}. */
    public static String defaultPython(Map<String, String> environment) {
        String chosen = environment.get("FWBENCH_PYTHON");
        if (chosen != null && !chosen.isBlank()) {
            return chosen;
        }
        return Files.isExecutable(Path.of("/usr/bin/python3")) ? "/usr/bin/python3" : "python3";
    }

    /**
     * Expands every element of a command; an element that is exactly {@code ${name}} of a list variable
     * is replaced by the list's elements.
     */
    public List<String> argv(List<String> template) {
        List<String> out = new ArrayList<>();
        for (String element : template) {
            appendArgument(element, out, new ArrayDeque<>());
        }
        return List.copyOf(out);
    }

    /** Expands a single string, such as an env value, a path or a cwd; a list variable is an error here. */
    public String expand(String template) {
        return expand(Template.parse(template), new ArrayDeque<>());
    }

    /** Every value of {@code env} expanded. */
    public Map<String, String> env(Map<String, String> env) {
        Map<String, String> out = new LinkedHashMap<>();
        env.forEach((name, value) -> out.put(name, expand(value)));
        return out;
    }

    /** The target's working folder: its {@code cwd} expanded and resolved against the suite's folder. */
    public Path cwd(TargetDef target) {
        return Path.of(builtIns.get("suiteDir")).resolve(expand(target.cwd())).normalize();
    }

    private void appendArgument(String element, List<String> out, Deque<String> expanding) {
        Template template = Template.parse(element);
        String sole = template.soleName().orElse(null);
        List<String> list = sole == null ? null : vars.get(sole);
        if (list == null || list.size() == 1) {
            out.add(expand(template, expanding));
            return;
        }
        enter(sole, expanding);
        for (String item : list) {
            appendArgument(item, out, expanding);
        }
        expanding.pop();
    }

    private String expand(Template template, Deque<String> expanding) {
        StringBuilder out = new StringBuilder();
        for (Template.Part part : template.parts()) {
            switch (part) {
                case Template.Text text -> out.append(text.text());
                case Template.Ref ref -> out.append(value(ref.name(), expanding));
            }
        }
        return out.toString();
    }

    private String value(String name, Deque<String> expanding) {
        String builtIn = builtIns.get(name);
        if (builtIn != null) {
            return builtIn;
        }
        List<String> var = vars.get(name);
        if (var == null) {
            throw new SuiteException(unknown(name));
        }
        if (var.size() != 1) {
            throw new SuiteException("${" + name + "} is a list: it can only be a whole command element on its own");
        }
        enter(name, expanding);
        String value = expand(Template.parse(var.get(0)), expanding);
        expanding.pop();
        return value;
    }

    private static void enter(String name, Deque<String> expanding) {
        if (expanding.contains(name)) {
            List<String> chain = new ArrayList<>(expanding.reversed());
            chain.add(name);
            throw new SuiteException("${" + name + "} refers to itself: " + String.join(" -> ", chain));
        }
        expanding.push(name);
    }

    private String unknown(String name) {
        if (name.equals("port")) {
            return "${port} is not known until a port is chosen for the target";
        }
        if (name.equals("files")) {
            return "${files} is not known until the target's files are filled in";
        }
        Set<String> known = new LinkedHashSet<>(BUILT_INS);
        known.addAll(vars.keySet());
        return "unknown placeholder ${" + name + "}" + Suggestions.didYouMean(name, known, "${", "}")
                + "; known: " + String.join(", ", known);
    }
}
