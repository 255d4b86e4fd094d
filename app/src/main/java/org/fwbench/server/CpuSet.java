package org.fwbench.server;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.fwbench.units.InvalidValueException;

/**
 * A set of CPU numbers, written as taskset and the kernel write them ({@code 0,2-3}).
 *
 * @param cpus the CPU numbers, ascending and distinct, never empty
 */
public record CpuSet(List<Integer> cpus) {

    private static final Pattern PART = Pattern.compile("(\\d{1,4})(?:-(\\d{1,4}))?");

    /** The load engine's CPUs and the targets' CPUs. */
    public record Split(CpuSet load, CpuSet target) {
    }

    public CpuSet {
        TreeSet<Integer> sorted = new TreeSet<>(cpus);
        if (sorted.isEmpty() || sorted.first() < 0) {
            throw new InvalidValueException("a CPU set needs at least one CPU number, none negative");
        }
        cpus = List.copyOf(sorted);
    }

    /** Parses {@code 0}, {@code 1-3}, {@code 0,2-3}. */
    @JsonCreator
    public static CpuSet parse(String text) {
        List<Integer> cpus = new ArrayList<>();
        String trimmed = text.trim();
        for (String part : trimmed.split(",", -1)) {
            Matcher m = PART.matcher(part.trim());
            if (!m.matches()) {
                throw notACpuList(text);
            }
            int from = Integer.parseInt(m.group(1));
            int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
            if (to < from) {
                throw new InvalidValueException("'" + text + "' is not a CPU list: the range " + part.trim()
                        + " runs backwards");
            }
            IntStream.rangeClosed(from, to).forEach(cpus::add);
        }
        return new CpuSet(cpus);
    }

    private static InvalidValueException notACpuList(String text) {
        return new InvalidValueException("'" + text + "' is not a CPU list (examples: 0, 1-3, 0,2-3)");
    }

    /** The CPUs this process may run on: its affinity on Linux, else every processor. */
    public static CpuSet available() {
        Path status = Path.of("/proc/self/status");
        if (Files.isReadable(status)) {
            try {
                for (String line : Files.readAllLines(status, StandardCharsets.UTF_8)) {
                    if (line.startsWith("Cpus_allowed_list:")) {
                        return parse(line.substring(line.indexOf(':') + 1));
                    }
                }
            } catch (IOException | InvalidValueException e) {
                // A kernel that words this differently gets the portable answer below.
            }
        }
        return new CpuSet(IntStream.range(0, Runtime.getRuntime().availableProcessors()).boxed().toList());
    }

    /**
     * The load engine on the first half of the CPUs and the targets on the rest, so they never
     * compete for a core; with a single CPU there is nothing to split and both get it.
     */
    public static Split defaultSplit(CpuSet all) {
        int n = all.size();
        if (n == 1) {
            return new Split(all, all);
        }
        int loadCount = n / 2;
        return new Split(new CpuSet(all.cpus.subList(0, loadCount)), new CpuSet(all.cpus.subList(loadCount, n)));
    }

    /** Whether processes can be pinned here: taskset (util-linux) is on the PATH. */
    public static boolean pinningSupported() {
        return Executables.find("taskset").isPresent();
    }

    /**
     * Pins every thread of this JVM, and so every thread it starts later (threads inherit their
     * creator's affinity), to these CPUs.
     *
     * @return false, doing nothing, where taskset is missing (macOS, Windows)
     * @throws InvalidValueException when taskset refuses the set, e.g. a CPU this machine lacks
     */
    public static boolean pinThisProcess(CpuSet cpus) {
        if (!pinningSupported()) {
            return false;
        }
        ProcessBuilder pb = new ProcessBuilder("taskset", "-a", "-p", "-c", cpus.toString(),
                Long.toString(ProcessHandle.current().pid())).redirectErrorStream(true);
        try {
            Process p = pb.start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (p.waitFor() != 0) {
                throw new InvalidValueException("cannot pin fwbench to CPUs " + cpus + ": "
                        + output.lines().reduce((a, b) -> b).orElse("taskset failed"));
            }
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Whether every CPU of this set is also in {@code other}. */
    public boolean isWithin(CpuSet other) {
        return other.cpus.containsAll(cpus);
    }

    public int size() {
        return cpus.size();
    }

    /** The taskset form: ascending, runs of consecutive CPUs as ranges; also its JSON form. */
    @JsonValue
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < cpus.size()) {
            int j = i;
            while (j + 1 < cpus.size() && cpus.get(j + 1) == cpus.get(j) + 1) {
                j++;
            }
            if (!sb.isEmpty()) {
                sb.append(',');
            }
            sb.append(cpus.get(i));
            if (j > i) {
                sb.append('-').append(cpus.get(j));
            }
            i = j + 1;
        }
        return sb.toString();
    }
}
