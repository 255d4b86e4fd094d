package org.fwbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.fwbench.memory.MemoryProbe;
import org.fwbench.memory.MemorySampler;
import org.fwbench.memory.MemoryTimeline;
import org.fwbench.memory.ProcessGoneException;
import org.fwbench.memory.TreeMemory;
import org.fwbench.result.Json;
import org.fwbench.units.Durations;
import org.fwbench.units.Format;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code fwbench sample --pid PID --out FILE}: a running process tree's memory and CPU, sampled on its own
 * machine while load agents elsewhere load it; {@code merge --timeline} joins the two by time.
 */
@Command(name = "sample", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, sortOptions = false,
        description = {"Samples a running process and its descendants (RSS, PSS, USS, CPU, threads) into a timeline file"
                + " that `fwbench merge --timeline` joins to load results by wall-clock time.",
                "It stops at --duration, when the process ends, or on Ctrl-C/SIGTERM, and then writes the file.",
                "Exit codes: 0 written; 2 usage error (no such process, bad option)."})
public final class SampleCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--pid", required = true, paramLabel = "PID", description = "The process to sample, with its descendants.")
    long pid;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where the timeline (JSON) goes.")
    Path out;

    @Option(names = "--interval", paramLabel = "DURATION", defaultValue = "100ms",
            description = "Time between samples. Default: ${DEFAULT-VALUE}.")
    Duration interval;

    @Option(names = "--duration", paramLabel = "DURATION", description = "Stop after this long. Default: when the process ends, or Ctrl-C.")
    Duration duration;

    @Override
    public Integer call() throws IOException {
        if (interval.isZero()) {
            throw new UsageException("--interval must be more than 0");
        }
        if (duration != null && duration.isZero()) {
            throw new UsageException("--duration must be more than 0");
        }
        if (pid == ProcessHandle.current().pid()) {
            throw new UsageException("process " + pid + " is this fwbench itself");
        }
        ProcessHandle process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .orElseThrow(() -> new UsageException("no process " + pid + " runs here"));
        MemoryProbe probe = MemoryProbe.forThisSystem();
        try {
            probe.readResident(pid);
        } catch (ProcessGoneException e) {
            throw new UsageException("no process " + pid + " runs here");
        }
        CtrlC ctrlC = CtrlC.interruptsThisThread();
        try (ctrlC) {
            MemorySampler sampler = MemorySampler.start(probe, pid, interval);
            awaitEnd(process.onExit());
            List<TreeMemory> samples = sampler.stop();
            Thread.interrupted(); // Ctrl-C ended the sampling; the file is still written
            Json.write(out, new MemoryTimeline(pid, process.info().commandLine().orElse(null), interval.toMillis(), samples));
            // before Ctrl-C's wait ends: the JVM may exit right after
            PrintWriter o = spec.commandLine().getOut();
            o.printf(Locale.ROOT, "Sampled process %d every %s: %d samples%s; written to %s%n", pid, Durations.format(interval),
                    samples.size(), span(samples), out);
            o.flush();
        }
        return 0;
    }

    /** Waits for the duration, the process's end or an interrupt, whichever comes first. */
    private void awaitEnd(CompletableFuture<ProcessHandle> exit) {
        try {
            if (duration == null) {
                exit.get();
            } else {
                exit.get(duration.toNanos(), TimeUnit.NANOSECONDS);
            }
        } catch (TimeoutException | ExecutionException | InterruptedException e) {
            // the time is up, or Ctrl-C: either way sampling ends here
        }
    }

    private static String span(List<TreeMemory> samples) {
        if (samples.isEmpty()) {
            return "";
        }
        return String.format(Locale.ROOT, " from %s to %s, RSS %s to %s", Instant.ofEpochMilli(samples.getFirst().epochMillis()),
                Instant.ofEpochMilli(samples.getLast().epochMillis()),
                Format.bytes(samples.stream().mapToLong(TreeMemory::rssBytes).min().orElseThrow()),
                Format.bytes(samples.stream().mapToLong(TreeMemory::rssBytes).max().orElseThrow()));
    }
}
