package org.fwbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * fwbench as a user runs it: the packaged jar in a JVM of its own, from the repository root, so that
 * the end-to-end tests see exactly what a person sees (exit codes, stdout, stderr, files, processes).
 */
final class FwbenchProcess {

    /** The repository root: the tests run in app/. */
    static final Path HOME = Path.of("..").toAbsolutePath().normalize();
    static final Path JAR = HOME.resolve("app/target/fwbench.jar");

    private final Process process;
    private final Path stdout;
    private final Path stderr;

    private FwbenchProcess(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    static FwbenchProcess start(Path workDir, String... args) throws IOException {
        assertThat(JAR).as("the packaged fwbench (mvn package builds it)").exists();
        // env resets SIGINT to its default: a JVM started with SIGINT ignored (from a background job of a
        // non-interactive shell, say) would ignore the Ctrl-C the tests send. env execs java: same pid.
        List<String> argv = new ArrayList<>(List.of("env", "--default-signal=INT",
                ProcessHandle.current().info().command().orElse("java"),
                "--enable-native-access=ALL-UNNAMED", "-Dfwbench.home=" + HOME, "-jar", JAR.toString()));
        argv.addAll(List.of(args));
        Files.createDirectories(workDir);
        Path out = Files.createTempFile(workDir, "stdout", ".txt");
        Path err = Files.createTempFile(workDir, "stderr", ".txt");
        Process p = new ProcessBuilder(argv).directory(HOME.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(new File("/dev/null")).start();
        return new FwbenchProcess(p, out, err);
    }

    /** Runs fwbench to its end (bounded) and returns its exit code. */
    static Result run(Path workDir, Duration limit, String... args) throws IOException, InterruptedException {
        FwbenchProcess f = start(workDir, args);
        int code = f.waitFor(limit);
        return new Result(code, f.stdout(), f.stderr());
    }

    int waitFor(Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("fwbench did not end within " + limit + "; stderr: " + stderr());
        }
        return process.exitValue();
    }

    /** Polls stdout until it holds {@code text}; fails after the limit. */
    void awaitOutput(String text, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!stdout().contains(text)) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                throw new AssertionError("no '" + text + "' in fwbench's output; stdout: " + stdout() + "\nstderr: " + stderr());
            }
            Thread.sleep(50);
        }
    }

    /** Sends a signal the way a terminal or a supervisor would. */
    void signal(String name) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
        assertThat(kill.waitFor()).isZero();
    }

    List<ProcessHandle> descendants() {
        return process.descendants().toList();
    }

    /**
     * Every process still carrying the marker fwbench gives the targets it starts ({@code FWBENCH_TARGET}, which
     * begins with fwbench's PID), whether it was in the tree when looked at or started later: Linux only, empty
     * elsewhere.
     */
    List<Long> markedProcesses() throws IOException {
        Path proc = Path.of("/proc");
        if (!Files.isDirectory(proc)) {
            return List.of();
        }
        String marker = "FWBENCH_TARGET=" + process.pid() + "-";
        List<Long> marked = new ArrayList<>();
        try (var dirs = Files.list(proc)) {
            for (Path d : dirs.filter(d -> d.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    // ISO-8859-1 maps every byte to one char: the NUL-separated block reads as one string.
                    String environ = new String(Files.readAllBytes(d.resolve("environ")), StandardCharsets.ISO_8859_1);
                    if (environ.contains(marker)) {
                        marked.add(Long.parseLong(d.getFileName().toString()));
                    }
                } catch (IOException gone) {
                    // ended meanwhile, or not ours to read
                }
            }
        }
        return marked;
    }

    String stdout() {
        return read(stdout);
    }

    String stderr() {
        return read(stderr);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }

    /** How a finished fwbench ended. */
    record Result(int exitCode, String stdout, String stderr) {
    }
}
