package org.fwbench.targets;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Runs {@link SocketTarget} as a child JVM, since {@link TargetMain} ends the process by design. */
class TargetMainTest {

    private record Outcome(int exitCode, String stdout, String stderr) {
    }

    @Test
    void versionPrintsOneLineAndExitsZero() throws Exception {
        Outcome outcome = run("--version");

        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.stdout()).isEqualTo("Socket 1.0\n");
    }

    @Test
    void aBadPortIsOneLineAndExitTwo() throws Exception {
        Outcome outcome = run("eighty");

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.stderr()).isEqualTo("Socket target: not a port number: 'eighty'\n");
    }

    @Test
    void aTransportTheTargetDoesNotServeIsOneLineAndExitTwo() throws Exception {
        Outcome outcome = run("8080", "--tls");

        assertThat(outcome.exitCode()).isEqualTo(2);
        assertThat(outcome.stderr()).isEqualTo("Socket target: --tls is not supported: this target serves HTTP/1.1 only\n");
    }

    @Test
    void aTakenPortIsOneLineAndExitOne() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Outcome outcome = run(String.valueOf(taken.getLocalPort()));

            assertThat(outcome.exitCode()).isEqualTo(1);
            assertThat(outcome.stderr()).startsWith("Socket target: cannot serve on 127.0.0.1:" + taken.getLocalPort())
                    .containsOnlyOnce("\n");
        }
    }

    @Test
    void servesUntilSigtermThenClosesTheServer() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        Process process = start(String.valueOf(port));
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(out.readLine()).isEqualTo("Socket 1.0 listening on 127.0.0.1:" + port);

            // SIGTERM through the handle: Process.destroy() would also close our end of the pipes.
            process.toHandle().destroy();

            assertThat(out.readLine()).isEqualTo("closed");
            assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        } finally {
            process.destroyForcibly();
        }
    }

    private static Outcome run(String... arguments) throws IOException, InterruptedException {
        Process process = start(arguments);
        try {
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("the target exits by itself").isTrue();
            return new Outcome(process.exitValue(),
                    new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                    new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        } finally {
            process.destroyForcibly();
        }
    }

    private static Process start(String... arguments) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> argv = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                SocketTarget.class.getName()));
        argv.addAll(List.of(arguments));
        return new ProcessBuilder(argv).start();
    }
}
