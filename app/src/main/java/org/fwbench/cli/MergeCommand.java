package org.fwbench.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.fwbench.load.LoadResult;
import org.fwbench.memory.MemoryTimeline;
import org.fwbench.memory.TreeMemory;
import org.fwbench.result.Json;
import org.fwbench.units.Format;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code fwbench merge a.json b.json ...}: the results of agents that loaded one server together, as one
 * result, printed as {@code hammer} prints its own; with the target's timeline from {@code fwbench sample}.
 */
@Command(name = "merge", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, sortOptions = false,
        description = {"Merges the `hammer --json` results of agents that loaded one server at the same time: counts, "
                + "statuses, errors and latency histograms add up, timelines are joined by wall-clock second.",
                "Results of different URLs or load plans, or one agent twice, are refused unless --allow-mixed.",
                "Exit codes: 0 ok; 1 no request succeeded; 2 usage error or results that do not belong together."})
public final class MergeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Results of `fwbench hammer --json` (or of merge).")
    List<Path> files;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the merged result as JSON to FILE.")
    Path json;

    @Option(names = "--allow-mixed", description = "Merge results of different URLs or load plans too (URL and plan are then null).")
    boolean allowMixed;

    @Option(names = "--timeline", paramLabel = "FILE",
            description = "The target's timeline from `fwbench sample`: its samples inside the merged window are attached.")
    Path timeline;

    @Override
    public Integer call() throws IOException {
        List<LoadResult> results = new ArrayList<>();
        for (Path f : files) {
            results.add(read(f));
        }
        if (!allowMixed) {
            refuseMixed(results);
        }
        LoadResult merged = LoadResult.merge(results);
        MemoryTimeline target = timeline == null ? null : attach(readTimeline(timeline), merged);
        PrintWriter out = spec.commandLine().getOut();
        out.print(header(results, merged));
        out.print(LoadSummaryText.render(merged));
        if (target != null) {
            out.print(targetLines(target, merged));
        }
        out.flush();
        if (json != null) {
            ObjectNode tree = Json.MAPPER.valueToTree(merged);
            if (target != null) {
                tree.set("targetTimeline", Json.MAPPER.valueToTree(target));
            }
            Json.write(json, tree);
        }
        if (merged.ok() == 0) {
            spec.commandLine().getErr().println("fwbench: no request succeeded in any of the results");
            return Main.EXIT_FAILED;
        }
        return 0;
    }

    private static LoadResult read(Path file) throws IOException {
        LoadResult r;
        byte[] bytes = Files.readAllBytes(file); // a missing file is one line, said by Cli
        try {
            r = Json.MAPPER.readValue(bytes, LoadResult.class);
        } catch (JsonProcessingException e) {
            throw new UsageException(file + ": not a result of fwbench hammer --json (" + e.getOriginalMessage() + ")");
        }
        if (r == null || r.plan() == null && r.url() == null || r.latencyHistogram() == null) {
            throw new UsageException(file + ": not a result of fwbench hammer --json with its histograms and plan"
                    + " (written by an older fwbench?)");
        }
        return r;
    }

    private void refuseMixed(List<LoadResult> results) {
        for (int i = 0; i < results.size(); i++) {
            for (int j = i + 1; j < results.size(); j++) {
                Optional<String> why = results.get(i).mismatch(results.get(j));
                if (why.isPresent()) {
                    throw new UsageException(files.get(i) + " and " + files.get(j) + " do not belong together: " + why.get()
                            + " (--allow-mixed merges them anyway)");
                }
            }
        }
    }

    /** How many results of what, and how closely their windows lined up. */
    private static String header(List<LoadResult> results, LoadResult merged) {
        long firstStart = results.stream().mapToLong(LoadResult::startedAtMillis).min().orElseThrow();
        long lastStart = results.stream().mapToLong(LoadResult::startedAtMillis).max().orElseThrow();
        long firstEnd = results.stream().mapToLong(LoadResult::endedAtMillis).min().orElseThrow();
        String agents = merged.agentIndexes().stream().map(String::valueOf).collect(Collectors.joining(", "));
        String of = merged.plan() == null ? "" : " of " + merged.plan().agents();
        return String.format(Locale.ROOT, "Merged %d results of %s (agents %s%s): windows started within %d ms, "
                        + "all running together for %.2f s%n", results.size(), merged.url() == null ? "several URLs" : merged.url(),
                agents, of, lastStart - firstStart, Math.max(0, firstEnd - lastStart) / 1000.0);
    }

    private static MemoryTimeline readTimeline(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        try {
            MemoryTimeline t = Json.MAPPER.readValue(bytes, MemoryTimeline.class);
            if (t == null || t.samples() == null) {
                throw new UsageException(file + ": not a timeline of fwbench sample");
            }
            return t;
        } catch (JsonProcessingException e) {
            throw new UsageException(file + ": not a timeline of fwbench sample (" + e.getOriginalMessage() + ")");
        }
    }

    /** The timeline's samples inside the merged window; none there is a usage error (wrong file, or clocks apart). */
    private static MemoryTimeline attach(MemoryTimeline t, LoadResult merged) {
        MemoryTimeline inside = t.within(merged.startedAtMillis(), merged.endedAtMillis());
        if (inside.samples().isEmpty()) {
            String span = t.samples().isEmpty() ? "no samples"
                    : t.samples().getFirst().epochMillis() + " to " + t.samples().getLast().epochMillis();
            throw new UsageException("the timeline of process " + t.pid() + " (" + span + ", epoch ms) has no sample inside the"
                    + " load window (" + merged.startedAtMillis() + " to " + merged.endedAtMillis()
                    + "): another run, or the two machines' clocks are apart");
        }
        return inside;
    }

    private static String targetLines(MemoryTimeline t, LoadResult merged) {
        List<TreeMemory> s = t.samples();
        String pss = s.stream().filter(m -> m.pssBytes() != null).mapToLong(TreeMemory::pssBytes).max()
                .stream().mapToObj(max -> ", PSS max " + Format.bytes(max)).findFirst().orElse("");
        double cpu = t.cpuSeconds();
        return String.format(Locale.ROOT, "  %-10s pid %d, %d samples in the window: RSS %s to %s%s, CPU %.2fs (%.1f us/request)%n",
                "Target", t.pid(), s.size(), Format.bytes(s.stream().mapToLong(TreeMemory::rssBytes).min().orElseThrow()),
                Format.bytes(s.stream().mapToLong(TreeMemory::rssBytes).max().orElseThrow()), pss, cpu,
                merged.requests() == 0 ? 0 : cpu * 1e6 / merged.requests());
    }
}
