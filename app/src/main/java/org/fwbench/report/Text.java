package org.fwbench.report;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.fwbench.stats.Estimate;
import org.fwbench.units.Format;

/** How the tables spell what is not a single quantity: estimates with their interval, counts, command lines. */
final class Text {

    private static final Pattern PLAIN_ARGUMENT = Pattern.compile("[A-Za-z0-9_./:=,@%+-]+");

    private Text() {
    }

    /** {@code median ± half-width} of the 95% interval; just the median for a single run. */
    static String estimate(Estimate e) {
        if (e == null) {
            return "-";
        }
        return e.n() < 2 ? Format.number(e.median()) : Format.number(e.median()) + " ± " + Format.number(e.halfWidth());
    }

    /** The same for a memory figure in bytes, shown in MiB. */
    static String estimateMib(Estimate e) {
        if (e == null) {
            return "-";
        }
        return e.n() < 2 ? Format.mib(e.median()) : Format.mib(e.median()) + " ± " + Format.mib(e.halfWidth());
    }

    /**
     * A command line as a shell would take it back: arguments with spaces, quotes or shell characters are
     * single-quoted, so that what is shown can be pasted and run.
     */
    static String command(List<String> args) {
        return args.stream().map(a -> PLAIN_ARGUMENT.matcher(a).matches() ? a : "'" + a.replace("'", "'\\''") + "'")
                .collect(Collectors.joining(" "));
    }

    /** {@code 200:1966 -1:34} style counts, keys in order; kinds that never happened are left out. */
    static String counts(Map<String, Long> counts) {
        String shown = new TreeMap<>(counts).entrySet().stream()
                .filter(e -> e.getValue() != 0)
                .map(e -> e.getKey() + ":" + e.getValue())
                .collect(Collectors.joining(" "));
        return shown.isEmpty() ? "-" : shown;
    }
}
