package org.fwbench.memory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Real python3 processes that do something known, print "ready" and wait to be killed. */
final class Python implements AutoCloseable {

    static final long MIB = 1024 * 1024;
    /** Allocates and writes 64 MiB, so every page is really resident and private. */
    static final String HOLDS_64_MIB = "data = b'\\x01' * (64 << 20)";
    static final String IDLE = "pass";

    private final List<Process> processes = new ArrayList<>();

    /** Starts {@code /usr/bin/python3 -c CODE} and returns its PID once CODE has run. */
    long start(String code) throws IOException {
        return startCommand("/usr/bin/python3", "-c", code + "\nimport time\nprint('ready', flush=True)\ntime.sleep(300)");
    }

    /** Starts {@code /usr/bin/python3 -c CODE} and returns its PID as CODE begins. */
    long startThenRun(String code) throws IOException {
        return startCommand("/usr/bin/python3", "-c", "import time\nprint('ready', flush=True)\n" + code
                + "\ntime.sleep(300)");
    }

    /** Starts any command and waits for its first line of output, "ready". */
    long startCommand(String... command) throws IOException {
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        processes.add(p);
        String line = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)).readLine();
        if (!"ready".equals(line)) {
            throw new IllegalStateException(String.join(" ", command) + " did not get ready, said: " + line);
        }
        return p.pid();
    }

    @Override
    public void close() throws InterruptedException {
        for (Process p : processes) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly().waitFor();
        }
    }
}
