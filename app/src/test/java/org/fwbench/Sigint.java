package org.fwbench;

import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a test can send Ctrl-C's signal to a process it starts. A build started as a background job of a script
 * ({@code mvn verify &} without job control) inherits SIGINT ignored, a JVM leaves an ignored SIGINT ignored, and
 * so does every process it starts: there no Ctrl-C can reach fwbench, nor a test's SIGINT.
 */
public final class Sigint {

    private Sigint() {
    }

    /** Skips the calling test, saying why, where SIGINT is ignored. */
    public static void assumeDeliverable() {
        assumeFalse(ignored(), "SIGINT is ignored by this build's processes (started in the background by a script?)");
    }

    /** Signal 2 is bit 1 of the SigIgn mask in /proc/self/status. */
    private static boolean ignored() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("SigIgn:"))
                    .anyMatch(l -> (Long.parseUnsignedLong(l.substring(7).trim(), 16) & 0b10) != 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
