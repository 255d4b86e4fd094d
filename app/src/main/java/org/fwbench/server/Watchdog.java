package org.fwbench.server;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Kills a target when fwbench dies without running its shutdown hook (SIGKILL, the OOM killer, a
 * JVM crash). A shell process holds the read end of a pipe whose only writer is fwbench: the
 * kernel closes it however fwbench ends, so the shell's {@code read} returns end-of-file exactly
 * when fwbench is gone. That beats polling fwbench's PID, which can be reused, and needs nothing but
 * {@code sh} (prctl's parent-death signal would need native code in the target's start). On a
 * normal stop fwbench writes a line first, and the shell leaves quietly.
 */
final class Watchdog {

    /**
     * $1: process group to kill (empty when the target has none of its own), $2: root PID,
     * $3: the marker variable as NAME=value, $4: grace period in seconds. INT and HUP are ignored
     * so that Ctrl-C in fwbench's terminal cannot take the watchdog down with fwbench. The root is
     * signalled by PID only where there is no /proc to find it by its marker: the root may have
     * exited long before and its PID been reused.
     */
    private static final String SCRIPT = """
            trap '' INT HUP
            if read -r _; then exit 0; fi
            hit() {
              [ -n "$1" ] && kill -s "$3" -- "-$1" 2>/dev/null
              if [ -d /proc/self ]; then
                for e in $(grep -lxzF -- "$4" /proc/[0-9]*/environ 2>/dev/null); do
                  p=${e#/proc/}; kill -s "$3" "${p%/environ}" 2>/dev/null
                done
              else
                kill -s "$3" "$2" 2>/dev/null
              fi
            }
            hit "$1" "$2" TERM "$3"
            sleep "$4"
            hit "$1" "$2" KILL "$3"
            """;

    private final Process process;

    private Watchdog(Process process) {
        this.process = process;
    }

    /** Starts the watchdog; without {@code sh} (Windows) there is none and only the shutdown hook protects. */
    static Watchdog guard(long root, boolean ownGroup, String marker, Duration grace) {
        if (Executables.find("sh").isEmpty()) {
            return new Watchdog(null);
        }
        List<String> argv = new ArrayList<>();
        // Its own session too: a signal sent to fwbench's process group must not reach it.
        if (Executables.find("setsid").isPresent()) {
            argv.add("setsid");
        }
        argv.addAll(List.of("sh", "-c", SCRIPT, "fwbench-watchdog", ownGroup ? Long.toString(root) : "",
                Long.toString(root), marker, String.format(Locale.ROOT, "%.3f", grace.toMillis() / 1000.0)));
        try {
            return new Watchdog(new ProcessBuilder(argv)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start());
        } catch (IOException e) {
            return new Watchdog(null);
        }
    }

    /** The target is stopped: tells the watchdog to leave without killing anything. */
    void release() {
        if (process == null) {
            return;
        }
        try (OutputStream out = process.getOutputStream()) {
            out.write('\n');
        } catch (IOException e) {
            // Already gone (someone killed it): nothing is left to release.
        }
        try {
            if (!process.waitFor(1, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
