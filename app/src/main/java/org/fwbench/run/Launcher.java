package org.fwbench.run;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.fwbench.config.Placeholders;
import org.fwbench.config.TargetDef;
import org.fwbench.config.TargetFiles;
import org.fwbench.result.NotMeasured;
import org.fwbench.server.AttachedServer;
import org.fwbench.server.LaunchSpec;
import org.fwbench.server.NoProcess;
import org.fwbench.server.RunningServer;
import org.fwbench.server.TargetFailedException;
import org.fwbench.server.TargetProcess;

/**
 * Starts a suite's target as a process (placeholders, a port, its template files, its log file, CPUs, and
 * readiness), or finds one that is already running at its url.
 */
final class Launcher {

    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(20);

    private final RunPlan plan;
    private final Placeholders placeholders;

    Launcher(RunPlan plan) {
        this.plan = plan;
        this.placeholders = Placeholders.of(plan.suite(), plan.home(), plan.python());
    }

    /** Why the target cannot run here (its {@code requires} command failed), or empty. */
    Optional<String> missingRequirement(TargetDef target) {
        if (target.requires() == null || target.requires().isEmpty()) {
            return Optional.empty();
        }
        CommandOutput out = runCommand(placeholders.argv(target.requires()), plan.suite().directory());
        if (out.exitCode() == 0) {
            return Optional.empty();
        }
        String detail = out.lastLine().isEmpty() ? "" : " (" + out.lastLine() + ")";
        return Optional.of("not installed" + detail);
    }

    /** The target's version: the suite's fixed string, or the first line its version command prints. */
    String version(TargetDef target) {
        if (target.version() == null) {
            return "";
        }
        if (target.version().fixed() != null) {
            return target.version().fixed();
        }
        CommandOutput out = runCommand(placeholders.argv(target.version().command()), placeholders.cwd(target));
        return out.exitCode() == 0 ? out.firstLine() : "unknown";
    }

    /** Starts the target on a port of its own and waits until it answers; or finds it when it is already running. */
    Session start(TargetDef target) {
        if (target.alreadyRunning()) {
            return attach(target);
        }
        int port = target.port() != null ? requireFree(target.port()) : freePort();
        Path files = plan.logDir().resolveSibling("files").resolve(target.name());
        Placeholders p = placeholders.withPort(port).withFiles(files);
        try {
            TargetFiles.fill(target, p, plan.suite().directory(), files);
        } catch (IOException e) {
            throw new TargetFailedException("target '" + target.name() + "' cannot start: its files cannot be filled in "
                    + files + " (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", "");
        }
        List<String> argv = p.argv(target.command());
        String base = target.scheme() + "://127.0.0.1:" + port;
        URI ready = URI.create(base + p.expand(target.ready().path()));
        LaunchSpec spec = new LaunchSpec(target.name(), argv, p.cwd(target), p.env(target.env()), ready,
                target.ready().timeout(), logFile(target), plan.cpus() == null ? null : plan.cpus().target());
        TargetProcess process = TargetProcess.start(spec);
        try {
            Duration startup = process.awaitReady();
            return new Session(target, process, base, port, p, argv, startup, null);
        } catch (RuntimeException e) {
            process.stop();
            throw e;
        }
    }

    /**
     * A target that runs already: it must answer now; its process is found, never started or stopped. When it
     * cannot be found or read, or {@code pid: none} says not to look, its load alone is measured.
     */
    private Session attach(TargetDef target) {
        int port = URI.create(target.url()).getPort();
        Placeholders p = placeholders.withPort(port);
        URI ready = URI.create(target.url() + p.expand(target.ready().path()));
        AttachedServer server = target.pidNone() ? AttachedServer.loadOnly(target.name(), ready)
                : AttachedServer.attach(target.name(), ready, target.pid());
        NotMeasured notMeasured = target.pidNone() ? NotMeasured.pidNone()
                : server.hasProcess() ? null : notMeasured(server.noProcess());
        return new Session(target, server, target.url(), port, p, server.command(), null, notMeasured);
    }

    /** The results' words for why a found server's process cannot be read. */
    private static NotMeasured notMeasured(NoProcess why) {
        return switch (why.cause()) {
            case REMOTE_HOST -> NotMeasured.remoteHost(why.detail());
            case OTHER_USER -> NotMeasured.otherUser(why.detail());
            case NOT_FOUND -> NotMeasured.notFound(why.detail());
            case UNREADABLE -> NotMeasured.unreadable(why.detail());
        };
    }

    Path logFile(TargetDef target) {
        return plan.logDir().resolve(target.name() + ".log");
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new TargetFailedException("no free port on 127.0.0.1: " + e.getMessage(), "");
        }
    }

    private static int requireFree(int port) {
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new TargetFailedException("port " + port + " is busy", "");
        }
    }

    private static CommandOutput runCommand(List<String> argv, Path cwd) {
        try {
            Process p = new ProcessBuilder(argv).directory(cwd.toFile()).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return new CommandOutput(-1, "timed out");
            }
            return new CommandOutput(p.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new CommandOutput(-1, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new CommandOutput(-1, "interrupted");
        }
    }

    private record CommandOutput(int exitCode, String text) {
        String firstLine() {
            return text.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
        }

        String lastLine() {
            List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
            return lines.isEmpty() ? "" : lines.getLast();
        }
    }

    /**
     * A started, ready target, or one found running.
     *
     * @param base        the URL every scenario's path is appended to
     * @param startup     the time to the first good answer; null for a target found running
     * @param notMeasured why its memory and CPU cannot be measured; null when they can
     */
    record Session(TargetDef target, RunningServer process, String base, int port, Placeholders placeholders,
            List<String> argv, Duration startup, NotMeasured notMeasured)
            implements AutoCloseable {

        /** The URL of a suite path on this target; paths may hold placeholders such as ${port}. */
        URI url(String path) {
            return URI.create(base + placeholders.expand(path));
        }

        /** The root of the process tree to read memory and CPU from; empty when they are not measured. */
        OptionalLong pid() {
            return notMeasured == null ? OptionalLong.of(process.pid()) : OptionalLong.empty();
        }

        /** The pid as the results record it: null when it is not known. */
        Long recordedPid() {
            return notMeasured == null ? process.pid() : null;
        }

        /** Seconds from launch to the first good answer; null for a target found running. */
        Double startupSeconds() {
            return startup == null ? null : startup.toNanos() / 1e9;
        }

        @Override
        public void close() {
            process.stop();
        }
    }
}
