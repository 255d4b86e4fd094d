package org.fwbench.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The suite that a command line describes ({@code --server NAME=COMMAND}, {@code --url NAME=URL},
 * {@code --path}, ...): the same {@link Suite} a suite file would give, so that everything after it runs
 * unchanged, and {@link SuiteWriter} can write it as that file. Each piece of bad input is one
 * {@link SuiteException} line naming the option.
 */
public final class AdHocSuite {

    /** The name recorded in the results; its folder, for {@code ${suiteDir}}, is the current one. */
    public static final String NAME = "command-line";

    private static final Pattern TARGET_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern METHOD = Pattern.compile("[A-Za-z]+");
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private final List<String> servers = new ArrayList<>();
    private final List<String> urls = new ArrayList<>();
    private final List<String> pids = new ArrayList<>();
    private final List<String> paths = new ArrayList<>();
    private final List<String> headers = new ArrayList<>();
    private String method = "GET";
    private String body = "";
    private int expectStatus = 200;
    private String expectBody;
    private String expectJson;
    private LoadSettings load = LoadSettings.EMPTY;

    /** {@code NAME=COMMAND}: a server fwbench starts; the command is split as a shell splits words. */
    public AdHocSuite server(String nameAndCommand) {
        servers.add(nameAndCommand);
        return this;
    }

    /** {@code NAME=URL}: a server that is already running. */
    public AdHocSuite url(String nameAndUrl) {
        urls.add(nameAndUrl);
        return this;
    }

    /** {@code NAME=PID}: the process of an already-running target, instead of finding it from its port. */
    public AdHocSuite pid(String nameAndPid) {
        pids.add(nameAndPid);
        return this;
    }

    /** A request path; each is a scenario. None: {@code /}. */
    public AdHocSuite path(String path) {
        paths.add(path);
        return this;
    }

    public AdHocSuite method(String m) {
        method = m;
        return this;
    }

    /** {@code Name: value}, as curl's {@code -H}. */
    public AdHocSuite header(String nameAndValue) {
        headers.add(nameAndValue);
        return this;
    }

    public AdHocSuite body(String b) {
        body = b;
        return this;
    }

    public AdHocSuite expectStatus(int status) {
        expectStatus = status;
        return this;
    }

    public AdHocSuite expectBody(String exact) {
        expectBody = exact;
        return this;
    }

    /** A JSON text the answer must be JSON-equal to. */
    public AdHocSuite expectJson(String json) {
        expectJson = json;
        return this;
    }

    /** The suite's own load settings (what {@code fwbench init} writes under {@code load:}). */
    public AdHocSuite load(LoadSettings settings) {
        load = settings;
        return this;
    }

    /** Whether any option of this kind was given: then no suite file is read. */
    public boolean given() {
        return !servers.isEmpty() || !urls.isEmpty() || !pids.isEmpty() || !paths.isEmpty();
    }

    /** @throws SuiteException naming the first bad option */
    public Suite build() {
        if (servers.isEmpty() && urls.isEmpty()) {
            throw new SuiteException("name at least one server: --server NAME=COMMAND (started by fwbench) or "
                    + "--url NAME=URL (already running)");
        }
        List<ScenarioDef> scenarios = scenarios();
        Readiness ready = new Readiness(scenarios.getFirst().path(), Readiness.DEFAULT_TIMEOUT);
        Map<String, OptionalLong> pidByName = pidsByName();
        Set<String> names = new LinkedHashSet<>();
        List<TargetDef> targets = new ArrayList<>();
        for (String server : servers) {
            String[] nc = nameAnd("--server", server, "COMMAND", "'flask=python3 app.py ${port}'");
            List<String> command = command(nc[0], nc[1]);
            targets.add(TargetDef.builder(unique(names, "--server", nc[0])).command(command).ready(ready).build());
        }
        for (String url : urls) {
            String[] nu = nameAnd("--url", url, "URL", "web=http://127.0.0.1:8080");
            TargetUrl.problem(nu[1]).ifPresent(p -> {
                throw new SuiteException("--url " + nu[0] + ": " + p);
            });
            OptionalLong pid = pidByName.remove(nu[0]);
            targets.add(TargetDef.builder(unique(names, "--url", nu[0])).url(TargetUrl.base(nu[1]))
                    .pid(pid == null || pid.isEmpty() ? null : pid.getAsLong()).pidNone(pid != null && pid.isEmpty())
                    .ready(ready).build());
        }
        if (!pidByName.isEmpty()) {
            String name = pidByName.keySet().iterator().next();
            throw new SuiteException("--pid " + name + ": no --url " + name + "=... to name the process of");
        }
        return new Suite(Path.of(NAME), NAME, "Compared from the command line", Map.of(), load, scenarios, targets);
    }

    private List<ScenarioDef> scenarios() {
        if (!METHOD.matcher(method).matches()) {
            throw new SuiteException("--method must be an HTTP method such as GET or POST, not '" + method + "'");
        }
        if (expectStatus < 100 || expectStatus > 599) {
            throw new SuiteException("--expect-status must be an HTTP status from 100 to 599, not " + expectStatus);
        }
        Map<String, String> headerMap = headerMap();
        Expect expect = new Expect(expectStatus, null, expectBody, null, json(), null, null, null, Map.of());
        List<ScenarioDef> scenarios = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (String path : paths.isEmpty() ? List.of("/") : paths) {
            if (!path.startsWith("/")) {
                throw new SuiteException("--path must start with /, not '" + path + "'");
            }
            String name = scenarioName(path);
            for (int n = 2; !names.add(name); n++) {
                name = scenarioName(path) + "-" + n;
            }
            scenarios.add(new ScenarioDef(name, method.toUpperCase(Locale.ROOT), path, headerMap, body, expect,
                    LoadSettings.EMPTY, HttpProtocol.HTTP_1_1));
        }
        return scenarios;
    }

    /** {@code /api/users?id=1} reads as {@code api-users-id-1}; {@code /} as {@code root}. */
    static String scenarioName(String path) {
        String name = path.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return name.isEmpty() ? "root" : name;
    }

    private Map<String, String> headerMap() {
        Map<String, String> map = new LinkedHashMap<>();
        for (String header : headers) {
            int colon = header.indexOf(':');
            String name = colon < 0 ? "" : header.substring(0, colon).strip();
            if (!HEADER_NAME.matcher(name).matches()) {
                throw new SuiteException("-H '" + header + "': expected 'Name: value', e.g. -H 'Accept: text/plain'");
            }
            map.put(name, header.substring(colon + 1).strip());
        }
        return map;
    }

    private JsonNode json() {
        if (expectJson == null) {
            return null;
        }
        try {
            return JsonValues.STRICT.readValue(expectJson);
        } catch (JsonProcessingException e) {
            throw new SuiteException("--expect-json is not JSON: " + e.getOriginalMessage());
        }
    }

    /** Each --pid by its target's name: empty for {@code none}. */
    private Map<String, OptionalLong> pidsByName() {
        Map<String, OptionalLong> byName = new LinkedHashMap<>();
        for (String pid : pids) {
            String[] np = nameAnd("--pid", pid, "PID", "web=4242");
            if (np[1].strip().equals(TargetDef.NO_PID)) {
                byName.put(np[0], OptionalLong.empty());
                continue;
            }
            try {
                long value = Long.parseLong(np[1].strip());
                if (value < 1) {
                    throw new NumberFormatException();
                }
                byName.put(np[0], OptionalLong.of(value));
            } catch (NumberFormatException e) {
                throw new SuiteException("--pid " + np[0] + ": '" + np[1] + "' is not a process ID (or none, to "
                        + "measure its load only)");
            }
        }
        return byName;
    }

    /** The name and the rest of {@code NAME=VALUE}. */
    private static String[] nameAnd(String option, String text, String what, String example) {
        int eq = text.indexOf('=');
        if (eq < 0) {
            throw new SuiteException(option + " '" + text + "': expected NAME=" + what + ", e.g. " + option + " "
                    + example);
        }
        String name = text.substring(0, eq).strip();
        if (!TARGET_NAME.matcher(name).matches()) {
            throw new SuiteException(option + " '" + text + "': '" + name
                    + "' is not a target name (letters, digits, '.', '_' and '-')");
        }
        return new String[] {name, text.substring(eq + 1)};
    }

    private static String unique(Set<String> names, String option, String name) {
        if (!names.add(name)) {
            throw new SuiteException(option + " " + name + ": a target named '" + name + "' is given twice");
        }
        return name;
    }

    /** The argv template; it must pass the port on, since fwbench chooses a free one. */
    private static List<String> command(String name, String text) {
        List<String> words;
        try {
            words = CommandWords.split(text);
        } catch (SuiteException e) {
            throw new SuiteException("--server " + name + ": " + e.getMessage());
        }
        if (words.isEmpty()) {
            throw new SuiteException("--server " + name + ": the command is empty");
        }
        try {
            Placeholders.forChecking(Map.of()).argv(words);
        } catch (SuiteException e) {
            throw new SuiteException("--server " + name + ": " + e.getMessage());
        }
        if (words.stream().noneMatch(w -> w.contains("${port}"))) {
            throw new SuiteException("--server " + name + ": the command has no ${port}: fwbench chooses a free port "
                    + "and passes it there (quote the command in single quotes so that your shell leaves ${port} "
                    + "alone; a server on a fixed port: start it yourself and give --url)");
        }
        return words;
    }
}
