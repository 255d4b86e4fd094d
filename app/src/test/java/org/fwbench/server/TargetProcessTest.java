package org.fwbench.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.fwbench.Sigint;
import org.fwbench.proc.ProcFs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetProcessTest {

    /** A shell and two children, all ignoring SIGTERM (ignored signals survive fork and exec). */
    static final List<String> IGNORES_TERM_WITH_CHILDREN = List.of("bash", "-c",
            "trap '' TERM; sleep 300 & sleep 301 & echo children started; wait");

    private static final Duration SHORT_GRACE = Duration.ofMillis(300);
    private static final URI NOBODY = URI.create("http://127.0.0.1:9/");

    @TempDir
    Path dir;

    @Test
    void stopKillsATreeThatIgnoresSigterm() {
        try (TargetProcess target = TargetProcess.start(spec("stubborn", IGNORES_TERM_WITH_CHILDREN, NOBODY),
                SHORT_GRACE)) {
            List<Long> pids = awaitTreeOf(target, 3);
            assertThat(watchdogsOf(target.pid())).hasSize(1);

            target.stop();

            assertThat(pids).allSatisfy(pid -> assertThat(ProcFs.isRunning(pid)).as("pid %d", pid).isFalse());
            assertThat(watchdogsOf(target.pid())).as("the watchdog leaves once released").isEmpty();
            assertThat(target.isAlive()).isFalse();
            assertThat(target.treePids()).isEmpty();
        } // close() stops again: a no-op
    }

    @Test
    void stopFindsADaemonThatLeftTheTreeAndTheSession() throws IOException {
        Path daemonPidFile = dir.resolve("daemon.pid");
        // The subshell exits at once, so the daemon is re-parented; setsid takes it out of the group too.
        List<String> command = List.of("bash", "-c", "( setsid bash -c 'trap \"\" TERM; echo $$ > \"$0\"; exec sleep 300' "
                + daemonPidFile + " & ); exec sleep 300");
        try (TargetProcess target = TargetProcess.start(spec("daemonizing", command, NOBODY), SHORT_GRACE)) {
            long daemon = Long.parseLong(awaitFile(daemonPidFile).trim());
            assertThat(ProcessHandle.of(target.pid()).orElseThrow().descendants().map(ProcessHandle::pid))
                    .doesNotContain(daemon);
            assertThat(target.treePids()).contains(target.pid(), daemon);

            target.stop();

            assertThat(ProcFs.isRunning(daemon)).isFalse();
            assertThat(ProcFs.isRunning(target.pid())).isFalse();
        }
    }

    @Test
    void aTargetThatExitsAtOnceFailsWithItsLastLogLines() {
        List<String> command = List.of("bash", "-c", "echo 'loading config'; echo 'fatal: no config file' >&2; exit 3");
        try (TargetProcess target = TargetProcess.start(spec("quitter", command, NOBODY))) {
            assertThatThrownBy(target::awaitReady)
                    .isInstanceOf(TargetFailedException.class)
                    .hasMessageStartingWith("target 'quitter' exited with code 3 before it was ready (after ")
                    .hasMessageNotContaining("\n")
                    .satisfies(e -> assertThat(((TargetFailedException) e).lastLogLines())
                            .isEqualTo("loading config\nfatal: no config file"));
        }
    }

    @Test
    void aRootThatExitsLeavingAStubbornChildStillHasTheChildKilled() {
        List<String> command = List.of("bash", "-c", "trap '' TERM; sleep 300 & echo \"child $!\"; exit 0");
        try (TargetProcess target = TargetProcess.start(spec("parent-quits", command, NOBODY), SHORT_GRACE)) {
            assertThatThrownBy(target::awaitReady)
                    .isInstanceOf(TargetFailedException.class)
                    .hasMessageStartingWith("target 'parent-quits' exited with code 0 before it was ready")
                    .satisfies(e -> {
                        String log = ((TargetFailedException) e).lastLogLines();
                        assertThat(log).startsWith("child ");
                        assertThat(ProcFs.isRunning(Long.parseLong(log.substring(6).trim()))).isFalse();
                    });
        }
    }

    @Test
    void aTargetThatNeverAnswersFailsAfterItsTimeoutAndIsStopped() {
        URI url = URI.create("http://127.0.0.1:" + freePort() + "/health");
        List<String> command = List.of("bash", "-c", "echo 'starting, slowly'; exec sleep 300");
        LaunchSpec spec = new LaunchSpec("sleeper", command, null, Map.of(), url, Duration.ofSeconds(1),
                dir.resolve("sleeper.log"), null);
        try (TargetProcess target = TargetProcess.start(spec, SHORT_GRACE)) {
            // Usually "refused the connection"; on a starved machine the last try may time out instead.
            assertThatThrownBy(target::awaitReady)
                    .isInstanceOf(TargetFailedException.class)
                    .hasMessageStartingWith("target 'sleeper' was not ready within 1s: " + url + " ")
                    .hasMessageNotContaining("\n")
                    .satisfies(e -> assertThat(((TargetFailedException) e).lastLogLines()).isEqualTo("starting, slowly"));
            assertThat(ProcFs.isRunning(target.pid())).isFalse();
        }
    }

    @Test
    void becomesReadyWhenARealServerAnswers() throws IOException {
        int port = freePort();
        URI url = URI.create("http://127.0.0.1:" + port + "/");
        Files.writeString(dir.resolve("index.html"), "hello");
        List<String> command = List.of("/usr/bin/python3", "-m", "http.server", "--bind", "127.0.0.1",
                Integer.toString(port));
        LaunchSpec spec = new LaunchSpec("python-http", command, dir, Map.of("PYTHONUNBUFFERED", "1"), url,
                Duration.ofSeconds(20), dir.resolve("logs/python-http.log"), null);
        try (TargetProcess target = TargetProcess.start(spec)) {
            Duration startup = target.awaitReady();
            assertThat(startup).isPositive().isLessThan(Duration.ofSeconds(20));
            assertThat(target.isAlive()).isTrue();
            assertThat(target.treePids()).containsExactly(target.pid());
            target.stop();
            assertThat(target.lastLogLines(5)).contains("GET / HTTP/1.1");
        }
    }

    @Test
    void aMissingProgramOrDirectoryIsOneLineBeforeAnythingRuns() {
        assertThatThrownBy(() -> TargetProcess.start(spec("ghost", List.of("no-such-program-fwbench"), NOBODY)))
                .isInstanceOf(TargetFailedException.class)
                .hasMessage("target 'ghost' cannot start: program 'no-such-program-fwbench' not found on the PATH");
        LaunchSpec elsewhere = new LaunchSpec("lost", List.of("true"), dir.resolve("nowhere"), Map.of(), NOBODY,
                Duration.ofSeconds(1), dir.resolve("lost.log"), null);
        assertThatThrownBy(() -> TargetProcess.start(elsewhere))
                .hasMessage("target 'lost' cannot start: working directory " + dir.resolve("nowhere") + " does not exist");
    }

    @Test
    void pinsTheTargetToItsCpus() {
        CpuSet last = CpuSet.parse(String.valueOf(CpuSet.available().cpus().getLast()));
        LaunchSpec spec = new LaunchSpec("pinned", List.of("sleep", "300"), null, Map.of(), NOBODY,
                Duration.ofSeconds(1), dir.resolve("pinned.log"), last);
        try (TargetProcess target = TargetProcess.start(spec, SHORT_GRACE)) {
            String status = awaitStatusOf(target.pid(), "sleep");
            assertThat(status).contains("Cpus_allowed_list:\t" + last);
        }
        LaunchSpec tooMany = new LaunchSpec("greedy", List.of("sleep", "300"), null, Map.of(), NOBODY,
                Duration.ofSeconds(1), dir.resolve("greedy.log"), CpuSet.parse("999"));
        // fwbench checks CPU lists before it pins itself; here taskset's own refusal ends the target.
        try (TargetProcess greedy = TargetProcess.start(tooMany, SHORT_GRACE)) {
            assertThatThrownBy(greedy::awaitReady).isInstanceOf(TargetFailedException.class)
                    .satisfies(e -> assertThat(((TargetFailedException) e).lastLogLines()).contains("taskset"));
        }
    }

    @Test
    void ctrlCOnFwbenchStopsTheTargetsTree() throws Exception {
        Sigint.assumeDeliverable();
        Process holder = startHolder();
        try {
            List<Long> tree = treeFrom(holder);
            List<Long> watchdogs = watchdogsOf(tree.getFirst());
            new ProcessBuilder("kill", "-INT", Long.toString(holder.pid())).start().waitFor();
            assertThat(holder.waitFor(20, TimeUnit.SECONDS)).as("fwbench ends on SIGINT").isTrue();
            // The hook kills before the JVM exits; the watchdog alone would need the 500 ms grace period.
            assertAllGone(tree, Duration.ofMillis(100));
            assertAllGone(watchdogs, Duration.ofSeconds(5));
        } finally {
            holder.destroyForcibly(); // its watchdog then cleans up whatever a failed assertion left
        }
    }

    @Test
    void theWatchdogStopsTheTreeWhenFwbenchIsKilled() throws Exception {
        Process holder = startHolder();
        List<Long> tree = treeFrom(holder);
        List<Long> watchdogs = watchdogsOf(tree.getFirst());
        assertThat(watchdogs).hasSize(1);
        holder.destroyForcibly().waitFor();
        assertAllGone(tree, Duration.ofSeconds(15));
        assertAllGone(watchdogs, Duration.ofSeconds(5));
    }

    private LaunchSpec spec(String name, List<String> command, URI url) {
        return new LaunchSpec(name, command, null, Map.of(), url, Duration.ofSeconds(5), dir.resolve(name + ".log"), null);
    }

    private Process startHolder() throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), TargetHolder.class.getName(),
                dir.resolve("held.log").toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }

    /** Reads the holder's TREE line; readLine returns null if it dies first, so this cannot hang. */
    private static List<Long> treeFrom(Process holder) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("TREE ")) {
                List<Long> pids = Arrays.stream(line.substring(5).split(" ")).map(Long::parseLong).toList();
                assertThat(pids).hasSizeGreaterThanOrEqualTo(3).allSatisfy(pid -> assertThat(ProcFs.isRunning(pid)).isTrue());
                return pids;
            }
        }
        holder.destroyForcibly();
        return fail("the holder JVM ended without starting its target");
    }

    /** Waits until the target's tree has at least {@code size} processes (bash forks its children a moment later). */
    static List<Long> awaitTreeOf(TargetProcess target, int size) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        List<Long> pids = target.treePids();
        while (pids.size() < size && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            pids = target.treePids();
        }
        assertThat(pids).hasSizeGreaterThanOrEqualTo(size);
        return pids;
    }

    /** Watchdog shells guarding this root: their argv is sh -c SCRIPT fwbench-watchdog GROUP ROOT .... */
    private static List<Long> watchdogsOf(long root) {
        return ProcFs.pids().stream()
                .filter(pid -> ProcFs.read(pid, "cmdline")
                        .map(c -> c.contains("\0fwbench-watchdog\0" + root + "\0" + root + "\0"))
                        .orElse(false))
                .toList();
    }

    private static void assertAllGone(List<Long> pids, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (pids.stream().anyMatch(ProcFs::isRunning) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
        List<Long> left = pids.stream().filter(ProcFs::isRunning).toList();
        left.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly)); // no orphans from a failing test
        assertThat(left).as("processes left behind").isEmpty();
    }

    private static String awaitFile(Path file) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                String text = Files.readString(file);
                if (text.endsWith("\n")) {
                    return text;
                }
            } catch (IOException e) {
                // not written yet
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        return fail("%s was never written", file);
    }

    /** The process's status once taskset has exec'd the program (its name is then the program's). */
    private static String awaitStatusOf(long pid, String name) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            String status = ProcFs.read(pid, "status").orElse("");
            if (status.startsWith("Name:\t" + name + "\n")) {
                return status;
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        return fail("process %d never became %s", pid, name);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
