package org.fwbench.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CompilerPriorityTest {

    private Process jvm;

    /** A JVM child that only waits: its compiler threads exist from its start. */
    public static void main(String[] args) throws InterruptedException {
        Thread.sleep(60_000);
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (jvm != null) {
            jvm.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void aTargetsCompilerThreadsAreRaisedForTheWarmupAndPutBackAfter() throws Exception {
        // Started at nice 3, a priority of its own: that is what its compilers must get back.
        jvm = new ProcessBuilder("nice", "-n", "3", Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx32m", "-cp", System.getProperty("java.class.path"), CompilerPriorityTest.class.getName()).start();
        List<Integer> before = compilerNices(jvm.pid());
        for (int i = 0; i < 100 && before.isEmpty(); i++) {
            Thread.sleep(20); // the JVM is still creating its threads
            before = compilerNices(jvm.pid());
        }
        assertThat(before).isNotEmpty().containsOnly(3);

        boolean privileged;
        try (CompilerPriority p = CompilerPriority.raise(jvm.pid())) {
            // Raising a priority needs root or CAP_SYS_NICE: without them nothing may change, and it says so.
            privileged = p.raised();
            assertThat(compilerNices(jvm.pid())).containsOnly(privileged ? CompilerPriority.RAISED : 3);
            p.refresh(); // nothing new to raise: still the same
            assertThat(compilerNices(jvm.pid())).containsOnly(privileged ? CompilerPriority.RAISED : 3);
        }
        assertThat(compilerNices(jvm.pid())).containsOnly(3);
        assertThat(otherNices(jvm.pid())).containsOnly(3);
        if (ProcessHandle.current().info().user().orElse("").equals("root")) {
            assertThat(privileged).as("root may raise priorities").isTrue();
        }
    }

    private static List<Integer> compilerNices(long pid) throws IOException {
        return nices(pid, true);
    }

    private static List<Integer> otherNices(long pid) throws IOException {
        return nices(pid, false);
    }

    /** nice is the 19th field of a thread's stat, the 17th after the parenthesised name. */
    private static List<Integer> nices(long pid, boolean compilers) throws IOException {
        List<Integer> nices = new ArrayList<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path t : (Iterable<Path>) tasks::iterator) {
                String stat;
                try {
                    stat = Files.readString(t.resolve("stat"));
                } catch (NoSuchFileException e) {
                    continue; // a thread of the JVM's start-up that ended meanwhile
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                if (name.contains("CompilerThre") == compilers) {
                    nices.add(Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]));
                }
            }
        }
        return nices;
    }
}
