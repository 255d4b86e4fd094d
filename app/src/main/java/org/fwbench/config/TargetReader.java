package org.fwbench.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Reads the {@code targets} of a suite file, once its scenarios are known (paths refer to them). */
final class TargetReader {

    private static final List<String> KEYS = List.of("name", "command", "cwd", "env", "port", "ready", "version",
            "requires", "paths", "url", "pid", "files", "tls");
    /** Keys about starting a process: meaningless for a target that is already running. */
    private static final List<String> START_KEYS = List.of("cwd", "env", "port", "requires", "files");
    private static final List<String> READY_KEYS = List.of("path", "timeout");
    private static final List<String> VERSION_KEYS = List.of("command");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern PATH = Pattern.compile("/.*");
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*");

    private final Problems problems;
    private final TemplateCheck check;
    private final List<ScenarioDef> scenarios;
    private final Path suiteDir;

    TargetReader(Problems problems, TemplateCheck check, List<ScenarioDef> scenarios, Path suiteDir) {
        this.problems = problems;
        this.check = check;
        this.scenarios = scenarios;
        this.suiteDir = suiteDir;
    }

    /** The target, or null when it is too broken to build (its problems are recorded). */
    TargetDef read(Node node, int index) {
        Section t = Section.of(problems, node, "each target must be a mapping", Section.named("target", node, index),
                KEYS);
        if (t == null) {
            return null;
        }
        String name = t.text("name", NAME, "letters, digits, '.', '_' and '-'");
        t.required("name");
        List<String> command = command(t, "command");
        String url = url(t);
        boolean pidNone = t.node("pid") instanceof Node.Scalar s && TargetDef.NO_PID.equals(s.value());
        Long pid = pidNone ? null : t.whole("pid", 1, Long.MAX_VALUE, "a process ID, or none to measure the load only");
        if (url == null && t.node("url") == null) {
            t.required("command");
            if (t.node("pid") != null) {
                problems.add(t.node("pid").mark(), "'pid' names the process of a target given by 'url'");
            }
        } else if (t.node("command") != null) {
            problems.add(t.node("command").mark(), t.subject() + " has both 'command' and 'url': either fwbench starts "
                    + "it, or it is already running at the url");
        } else {
            START_KEYS.stream().filter(k -> t.node(k) != null).forEach(k -> problems.add(t.node(k).mark(), "'" + k
                    + "' does not apply to a target given by 'url': fwbench neither starts nor stops it"));
        }
        String cwd = t.text("cwd");
        check.text(t.node("cwd"));
        Map<String, String> env = t.textMap("env");
        check.values(t.node("env"));
        Integer port = t.integer("port", 1, 65535, "a port number from 1 to 65535");
        List<String> requires = command(t, "requires");
        Map<String, String> paths = paths(t);
        Readiness ready = ready(t, paths);
        VersionSource version = version(t);
        Map<String, String> files = files(t);
        Boolean tls = t.bool("tls");
        if (tls != null && url != null && tls != TargetUrl.isHttps(url)) {
            problems.add(t.node("tls").mark(), "'tls: " + tls + "' contradicts the url " + url + ": an https url serves "
                    + "TLS, an http one does not (leave 'tls' out)");
            return null;
        }
        if (name == null || (command == null) == (url == null)) {
            return null;
        }
        return TargetDef.builder(name).command(command == null ? List.of() : command).cwd(cwd == null ? "." : cwd)
                .env(env == null ? Map.of() : env).port(port).ready(ready).version(version)
                .requires(requires == null ? List.of() : requires).paths(paths).url(url)
                .tls(url == null ? Boolean.TRUE.equals(tls) : TargetUrl.isHttps(url)).pid(pid).pidNone(pidNone)
                .files(files).build();
    }

    private String url(Section t) {
        String url = t.text("url");
        if (url == null) {
            return null;
        }
        String problem = TargetUrl.problem(url).orElse(null);
        if (problem != null) {
            problems.add(t.node("url").mark(), problem);
            return null;
        }
        return TargetUrl.base(url);
    }

    /** The template files: each a plain file name in ${files}, and a readable template with known placeholders. */
    private Map<String, String> files(Section t) {
        Map<String, String> files = t.textMap("files");
        if (files == null) {
            return Map.of();
        }
        ((Node.Mapping) t.node("files")).entries().forEach((name, entry) -> {
            if (!FILE_NAME.matcher(name).matches()) {
                problems.add(entry.keyMark(), "'" + name + "' must be a plain file name (letters, digits, '.', '_', '-')");
            }
            String template = files.get(name);
            if (template == null) {
                return;
            }
            Path file = suiteDir.resolve(template).normalize();
            try {
                check.content(entry.value(), file, Files.readString(file));
            } catch (IOException e) {
                problems.add(entry.value().mark(), "cannot read the template " + file + " ("
                        + (e instanceof NoSuchFileException ? "no such file" : e.getClass().getSimpleName()) + ")");
            }
        });
        return files;
    }

    private List<String> command(Section s, String key) {
        List<String> command = s.strings(key);
        if (command != null && command.isEmpty()) {
            problems.add(s.node(key).mark(), "'" + key + "' must not be empty");
            return null;
        }
        check.command(s.node(key));
        return command;
    }

    /** The per-scenario paths, empty when none are given. */
    private Map<String, String> paths(Section t) {
        Map<String, String> paths = t.textMap("paths");
        if (t.node("paths") instanceof Node.Mapping m) {
            List<String> names = scenarios.stream().map(ScenarioDef::name).toList();
            m.entries().forEach((scenario, entry) -> {
                if (!names.contains(scenario)) {
                    problems.add(entry.keyMark(), "'paths' names no scenario of this suite: '" + scenario + "'"
                            + Suggestions.didYouMean(scenario, names));
                }
                if (entry.value() instanceof Node.Scalar s && s.textOrNull() != null && !s.textOrNull().startsWith("/")) {
                    problems.add(s.mark(), "the path of '" + scenario + "' must start with /, not " + s.describe());
                }
            });
            check.values(m);
        }
        return paths == null ? Map.of() : paths;
    }

    /** The first scenario's path for this target is the default: a target that serves it is up. */
    private Readiness ready(Section t, Map<String, String> paths) {
        Section r = t.section("ready", "'ready' of " + t.subject(), READY_KEYS);
        String path = r == null ? null : r.text("path", PATH, "a path starting with /");
        Duration timeout = r == null ? null : r.duration("timeout", Duration.ofMillis(1),
                "a duration longer than 0 such as 500ms, 10s or 1m");
        if (r != null) {
            check.text(r.node("path"));
        }
        if (path == null && !scenarios.isEmpty()) {
            path = paths.getOrDefault(scenarios.get(0).name(), scenarios.get(0).path());
        }
        return new Readiness(path, timeout == null ? Readiness.DEFAULT_TIMEOUT : timeout);
    }

    private VersionSource version(Section t) {
        Node node = t.node("version");
        if (node == null) {
            return null;
        }
        if (node instanceof Node.Scalar s && s.textOrNull() != null) {
            return new VersionSource(s.textOrNull(), null);
        }
        Section v = Section.of(problems, node, "'version' must be a string or a mapping with 'command'",
                "'version' of " + t.subject(), VERSION_KEYS);
        if (v == null) {
            return null;
        }
        List<String> command = command(v, "command");
        v.required("command");
        return command == null ? null : new VersionSource(null, command);
    }
}
