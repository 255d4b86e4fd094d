package org.fwbench.server;

import java.io.File;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.fwbench.units.Durations;

/**
 * One running target: its process tree, its log and its readiness. Always stop it (or close it):
 * until then a shutdown hook and a watchdog process stand ready to do it, see {@link Watchdog}.
 */
public final class TargetProcess implements AutoCloseable, RunningServer {

    /** How long a target's tree may take to leave after SIGTERM before it gets SIGKILL. */
    public static final Duration DEFAULT_STOP_GRACE = Duration.ofSeconds(5);
    /** How many log lines a {@link TargetFailedException} carries. */
    public static final int FAILURE_LOG_LINES = 20;

    private static final Duration POLL = Duration.ofMillis(50);
    private static final Duration MAX_REQUEST_WAIT = Duration.ofSeconds(2);
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private static final Duration REAP_WAIT = Duration.ofSeconds(2);

    private final LaunchSpec spec;
    private final Process process;
    private final long startNanos;
    private final ProcessTree tree;
    private final Watchdog watchdog;
    private final Duration stopGrace;
    private boolean stopped;

    private TargetProcess(LaunchSpec spec, Process process, long startNanos, ProcessTree tree, Watchdog watchdog,
                          Duration stopGrace) {
        this.spec = spec;
        this.process = process;
        this.startNanos = startNanos;
        this.tree = tree;
        this.watchdog = watchdog;
        this.stopGrace = stopGrace;
    }

    /** Starts a target that is stopped with {@link #DEFAULT_STOP_GRACE}. */
    public static TargetProcess start(LaunchSpec spec) {
        return start(spec, DEFAULT_STOP_GRACE);
    }

    /**
     * Starts the target in its own session (so its whole group can be found and Ctrl-C in
     * fwbench's terminal does not reach it unmanaged), under taskset when the spec pins CPUs.
     *
     * @throws TargetFailedException when the program, the directory or the CPUs are missing, or the
     *                               process cannot be created
     */
    public static TargetProcess start(LaunchSpec spec, Duration stopGrace) {
        checkRunnable(spec);
        boolean ownGroup = Executables.find("setsid").isPresent();
        String markerValue = ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet();
        ProcessBuilder pb = new ProcessBuilder(argv(spec, ownGroup))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(spec.logFile().toFile()));
        if (spec.cwd() != null) {
            pb.directory(spec.cwd().toFile());
        }
        pb.environment().putAll(spec.env());
        pb.environment().put(ProcessTree.MARKER_VARIABLE, markerValue);

        String marker = ProcessTree.MARKER_VARIABLE + "=" + markerValue;
        return LiveTargets.start(() -> {
            Process process;
            long startNanos = System.nanoTime();
            try {
                process = pb.start();
                // The target reads end-of-file rather than waiting on a terminal nobody types into.
                process.getOutputStream().close();
            } catch (IOException e) {
                throw notStarted(spec, e.getMessage());
            }
            return new TargetProcess(spec, process, startNanos, new ProcessTree(process.toHandle(), ownGroup, marker),
                    Watchdog.guard(process.pid(), ownGroup, marker, stopGrace), stopGrace);
        }).orElseThrow(() -> notStarted(spec, "fwbench is stopping"));
    }

    /** What can be checked before starting, so it fails with a precise line rather than a log. */
    private static void checkRunnable(LaunchSpec spec) {
        if (spec.cwd() != null && !Files.isDirectory(spec.cwd())) {
            throw notStarted(spec, "working directory " + spec.cwd() + " does not exist");
        }
        String program = spec.command().getFirst();
        if (Executables.find(program, spec.cwd() == null ? Path.of("") : spec.cwd()).isEmpty()) {
            throw notStarted(spec, "program '" + program + "' not found"
                    + (program.contains(File.separator) ? " or not executable" : " on the PATH"));
        }
        Path logFolder = spec.logFile().toAbsolutePath().getParent();
        try {
            Files.createDirectories(logFolder);
        } catch (IOException e) {
            throw notStarted(spec, "cannot create the folder of its log file " + logFolder + " ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private static List<String> argv(LaunchSpec spec, boolean ownSession) {
        List<String> argv = new ArrayList<>();
        if (ownSession) {
            // A JVM's child never leads a process group, so setsid needs no fork: it calls setsid()
            // and execs in place, and the PID fwbench holds stays the target's. (No -w: BusyBox lacks it.)
            argv.add("setsid");
        }
        if (spec.cpus() != null) {
            argv.addAll(pinning(spec));
        }
        argv.addAll(spec.command());
        return argv;
    }

    private static List<String> pinning(LaunchSpec spec) {
        if (!CpuSet.pinningSupported()) {
            throw notStarted(spec, "cannot pin it to CPUs " + spec.cpus() + ": taskset (util-linux) is not installed");
        }
        return List.of("taskset", "-c", spec.cpus().toString());
    }

    private static TargetFailedException notStarted(LaunchSpec spec, String reason) {
        return new TargetFailedException("target '" + spec.name() + "' cannot start: " + reason, "");
    }

    /**
     * Polls the readiness URL about every 50 ms until it answers with a status below 500, over HTTP/1.1 (an
     * https URL with any certificate, see {@link ProbeClient}). On failure the target is stopped before the
     * exception is thrown, so its log is complete.
     *
     * @return the time from start to the first good answer: the target's startup time
     * @throws TargetFailedException when the target exits or the readiness timeout passes first
     */
    public Duration awaitReady() {
        long deadline = startNanos + spec.readyTimeout().toNanos();
        String lastProblem = "no answer";
        try (HttpClient client = ProbeClient.create(HttpClient.Version.HTTP_1_1, MAX_REQUEST_WAIT)) {
            while (true) {
                if (!process.isAlive()) {
                    throw failed("exited with code " + process.exitValue() + " before it was ready (after "
                            + seconds(System.nanoTime() - startNanos) + ")");
                }
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    throw failed("was not ready within " + Durations.format(spec.readyTimeout()) + ": "
                            + spec.readinessUrl() + " " + lastProblem);
                }
                HttpRequest request = HttpRequest.newBuilder(spec.readinessUrl())
                        .timeout(Duration.ofNanos(Math.min(remaining, MAX_REQUEST_WAIT.toNanos())))
                        .GET()
                        .build();
                try {
                    int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                    if (status < 500) {
                        return Duration.ofNanos(System.nanoTime() - startNanos);
                    }
                    lastProblem = "answered " + status;
                } catch (IOException e) {
                    lastProblem = describe(e);
                }
                process.waitFor(POLL.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed("was interrupted while waiting for it to be ready");
        }
    }

    private TargetFailedException failed(String reason) {
        stop();
        return new TargetFailedException("target '" + spec.name() + "' " + reason, lastLogLines(FAILURE_LOG_LINES));
    }

    private static String describe(IOException e) {
        if (e instanceof ConnectException) {
            return "refused the connection";
        }
        if (e instanceof HttpTimeoutException) {
            return "did not answer in time";
        }
        String message = e.getMessage();
        return "failed: " + (message == null ? e.getClass().getSimpleName() : message.lines().findFirst().orElse(""));
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }

    public String name() {
        return spec.name();
    }

    /** The PID of the target's first process (taskset and setsid replace themselves with it). */
    @Override
    public long pid() {
        return process.pid();
    }

    @Override
    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * The target's processes now: the root first, its descendants, and on Linux whatever left the
     * tree but stayed in its process group or kept its environment marker.
     */
    public List<Long> treePids() {
        return List.copyOf(tree.livePids());
    }

    /** The last {@code n} lines of the target's log. */
    @Override
    public String lastLogLines(int n) {
        return LogTail.lastLines(spec.logFile(), n);
    }

    /**
     * SIGTERM to the whole tree, SIGKILL after the grace period to whatever is left, children that
     * ignore SIGTERM or were re-parented included. Calling it again does nothing.
     */
    @Override
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        tree.stop(stopGrace);
        awaitReaped();
        watchdog.release();
        LiveTargets.remove(this);
    }

    /**
     * The tree is dead once stop() returns, but the root stays a zombie (still "alive" to
     * ProcessHandle) until the JVM's reaper has collected it; waiting for that makes stop() final.
     */
    private void awaitReaped() {
        try {
            process.waitFor(REAP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }
}
