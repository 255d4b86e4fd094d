package org.fwbench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The arrows between packages, read from the main sources (every mention of {@code org.fwbench.<package>.}
 * outside a file's own package line). Data flows one way: cli -> config -> run -> {server, memory, load} ->
 * result -> analysis -> report, over the leaf packages stats, units and proc. As imports that means: cli
 * drives every stage; config turns settings into the engine's spec; run reads config and drives server,
 * memory and load into results and their analysis; analysis reads results; report reads results and
 * analysis. Nothing uses cli, nothing but cli uses run or report, and no package reaches back up.
 */
class ArchitectureTest {

    private static final Path SOURCES = Path.of("src/main/java/org/fwbench");
    private static final Pattern REFERENCE = Pattern.compile("\\borg\\.fwbench\\.([a-z]+)\\.");

    /** What each package of the flow may use, besides the leaves (and itself). */
    private static final Map<String, Set<String>> FLOW = Map.of(
            "cli", Set.of("config", "run", "server", "memory", "load", "result", "analysis", "report"),
            "config", Set.of("load"),
            "run", Set.of("config", "server", "memory", "load", "result", "analysis"),
            "server", Set.of(),
            "memory", Set.of(),
            "load", Set.of(),
            "result", Set.of(),
            "analysis", Set.of("result"),
            "report", Set.of("result", "analysis"));
    /** Below everything: they use no package of the flow, only each other (without cycles). */
    private static final Set<String> LEAVES = Set.of("stats", "units", "proc");

    private static Map<String, Set<String>> uses;

    @BeforeAll
    static void readSources() throws IOException {
        uses = new TreeMap<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                String pkg = SOURCES.relativize(f).getName(0).toString();
                Set<String> used = uses.computeIfAbsent(pkg, k -> new TreeSet<>());
                for (String line : lines(f)) {
                    if (line.startsWith("package ")) {
                        continue;
                    }
                    Matcher m = REFERENCE.matcher(line);
                    while (m.find()) {
                        if (!m.group(1).equals(pkg)) {
                            used.add(m.group(1));
                        }
                    }
                }
            });
        }
    }

    private static List<String> lines(Path f) {
        try {
            return Files.readAllLines(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theSourcesWereFound() {
        assertThat(uses).containsKeys("cli", "config", "run", "load", "result", "report");
    }

    @Test
    void everyPackageHasItsPlace() {
        assertThat(uses.keySet()).allSatisfy(p -> assertThat(FLOW.containsKey(p) || LEAVES.contains(p))
                .as("package %s is neither in the flow nor a leaf", p).isTrue());
    }

    @Test
    void everyArrowFollowsTheFlow() {
        assertThat(violations(this::flowViolation)).isEmpty();
    }

    @Test
    void theLoadEngineUsesNothingOfFwbenchButStats() {
        assertThat(violations((from, to) -> from.equals("load") && !to.equals("stats"))).isEmpty();
    }

    @Test
    void reportsReadOnlyResultsAnalysisStatsAndUnits() {
        Set<String> allowed = Set.of("result", "analysis", "stats", "units");
        assertThat(violations((from, to) -> from.equals("report") && !allowed.contains(to))).isEmpty();
    }

    @Test
    void noCycles() {
        Map<String, Integer> state = new LinkedHashMap<>();
        List<String> cycles = new ArrayList<>();
        for (String p : uses.keySet()) {
            visit(p, new ArrayList<>(), state, cycles);
        }
        assertThat(cycles).isEmpty();
    }

    /** Depth first; state 1 = on the current path, 2 = done. A package met again on the path closes a cycle. */
    private static void visit(String p, List<String> path, Map<String, Integer> state, List<String> cycles) {
        Integer s = state.get(p);
        if (s != null && s == 2) {
            return;
        }
        if (s != null) {
            cycles.add(String.join(" -> ", path.subList(path.indexOf(p), path.size())) + " -> " + p);
            return;
        }
        state.put(p, 1);
        path.add(p);
        for (String next : uses.getOrDefault(p, Set.of())) {
            visit(next, path, state, cycles);
        }
        path.remove(path.size() - 1);
        state.put(p, 2);
    }

    private boolean flowViolation(String from, String to) {
        if (LEAVES.contains(to)) {
            return false;
        }
        if (LEAVES.contains(from)) {
            return true; // a leaf uses nothing of the flow
        }
        Set<String> allowed = FLOW.get(from);
        return allowed == null || !allowed.contains(to);
    }

    private interface Rule {
        boolean broken(String from, String to);
    }

    /** The arrows that break {@code rule}. */
    private static List<String> violations(Rule rule) {
        List<String> broken = new ArrayList<>();
        uses.forEach((from, tos) -> tos.stream().filter(to -> rule.broken(from, to)).map(to -> from + " -> " + to)
                .forEach(broken::add));
        return broken;
    }
}
