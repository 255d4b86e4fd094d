package org.fwbench.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A server to measure: one fwbench starts ({@code command}) or one that is already running ({@code url}).
 * Strings may hold placeholders, expanded by {@link Placeholders} at launch time. Build one with
 * {@link #builder}.
 *
 * @param command  argv template; never a shell string; empty for an already-running target
 * @param cwd      working folder, relative to the suite file's folder ("." when not given); see
 *                 {@link Placeholders#cwd}
 * @param env      extra environment variables
 * @param port     a fixed port, or null to let fwbench choose a free one
 * @param version  where the version comes from, or null when the suite does not say
 * @param requires a command run before the start whose non-zero exit means "not installed"; empty for none
 * @param paths    per-scenario path overrides, by scenario name
 * @param url      the base URL of a server that is already running (fwbench neither starts nor stops it);
 *                 null for a server fwbench starts
 * @param pid      the process that serves {@code url}, when the user names it; null to find it from the port
 * @param pidNone  the user said {@code pid: none}: look for no process, measure the load of {@code url} only
 * @param files    files to fill before the start: the name in the per-run folder {@code ${files}} to the
 *                 template file (relative to the suite's folder) whose placeholders are filled in
 * @param tls      whether the target serves TLS on its port: fwbench reaches it by https, readiness, checks and
 *                 load alike; a {@code url} target serves TLS exactly when its URL is https
 */
public record TargetDef(String name, List<String> command, String cwd, Map<String, String> env, Integer port,
        Readiness ready, VersionSource version, List<String> requires, Map<String, String> paths, String url,
        Long pid, boolean pidNone, Map<String, String> files, boolean tls) {

    /** What {@code pid:} and {@code --pid NAME=} take in place of a process ID to measure the load only. */
    public static final String NO_PID = "none";

    public TargetDef {
        command = List.copyOf(command);
        env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
        requires = List.copyOf(requires);
        paths = Collections.unmodifiableMap(new LinkedHashMap<>(paths));
        files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
        if (command.isEmpty() == (url == null)) {
            throw new IllegalArgumentException("target '" + name + "' needs either a command or a url");
        }
        if (pidNone && (url == null || pid != null)) {
            throw new IllegalArgumentException("target '" + name + "': pid none applies to a url without a pid");
        }
        if (url != null && tls != TargetUrl.isHttps(url)) {
            throw new IllegalArgumentException("target '" + name + "': tls is " + tls + " but its url is " + url);
        }
    }

    /** A target with defaults for everything but its name: set a command or a url before building. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Whether fwbench finds this target running rather than starting it. */
    public boolean alreadyRunning() {
        return url != null;
    }

    /** The scheme fwbench reaches it by: {@code https} when it serves TLS, else {@code http}. */
    public String scheme() {
        return tls ? "https" : "http";
    }

    /** The path this target serves scenario {@code s} at (a template: expand it with {@link Placeholders#expand}). */
    public String pathFor(ScenarioDef s) {
        return paths.getOrDefault(s.name(), s.path());
    }

    /** Builds a {@link TargetDef} by name; unset values are the suite file's defaults. */
    public static final class Builder {
        private final String name;
        private List<String> command = List.of();
        private String cwd = ".";
        private Map<String, String> env = Map.of();
        private Integer port;
        private Readiness ready = new Readiness("/", Readiness.DEFAULT_TIMEOUT);
        private VersionSource version;
        private List<String> requires = List.of();
        private Map<String, String> paths = Map.of();
        private String url;
        private Long pid;
        private boolean pidNone;
        private Map<String, String> files = Map.of();
        private boolean tls;

        private Builder(String name) {
            this.name = name;
        }

        public Builder command(List<String> v) {
            command = v;
            return this;
        }

        public Builder cwd(String v) {
            cwd = v;
            return this;
        }

        public Builder env(Map<String, String> v) {
            env = v;
            return this;
        }

        public Builder port(Integer v) {
            port = v;
            return this;
        }

        public Builder ready(Readiness v) {
            ready = v;
            return this;
        }

        public Builder version(VersionSource v) {
            version = v;
            return this;
        }

        public Builder requires(List<String> v) {
            requires = v;
            return this;
        }

        public Builder paths(Map<String, String> v) {
            paths = v;
            return this;
        }

        /** A server already running at {@code v}; an https URL means it serves TLS. */
        public Builder url(String v) {
            url = v;
            tls = v != null && TargetUrl.isHttps(v);
            return this;
        }

        /** A started target that serves TLS (it must be told so by its command, e.g. the built-in targets' --tls). */
        public Builder tls(boolean v) {
            tls = v;
            return this;
        }

        public Builder pid(Long v) {
            pid = v;
            return this;
        }

        /** {@code pid: none}: measure the load of the url only, look for no process. */
        public Builder pidNone(boolean v) {
            pidNone = v;
            return this;
        }

        public Builder files(Map<String, String> v) {
            files = v;
            return this;
        }

        public TargetDef build() {
            return new TargetDef(name, command, cwd, env, port, ready, version, requires, paths, url, pid, pidNone,
                    files, tls);
        }
    }
}
