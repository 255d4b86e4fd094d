package org.fwbench.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.fwbench.stats.Estimate;

/** How figures are spelled in tables: one place, so console, Markdown and HTML agree. */
public final class Format {

    private static final Pattern PLAIN_ARGUMENT = Pattern.compile("[A-Za-z0-9_./:=,@%+-]+");
    private static final double MIB = 1024.0 * 1024.0;

    private Format() {
    }

    public static String mib(Long bytes) {
        return bytes == null ? "n/a" : String.format(Locale.ROOT, "%.1f", bytes / MIB);
    }

    public static String mib(double bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / MIB);
    }

    /** A figure with as many decimals as its size deserves: 52310, 812, 3.4, 0.21. */
    public static String number(double v) {
        double a = Math.abs(v);
        if (a >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        if (a >= 100) {
            return String.format(Locale.ROOT, "%.0f", v);
        }
        if (a >= 10) {
            return String.format(Locale.ROOT, "%.1f", v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** {@code median ± half-width} of the 95% interval; just the median for a single run. */
    public static String estimate(Estimate e) {
        if (e == null) {
            return "-";
        }
        return e.n() < 2 ? number(e.median()) : number(e.median()) + " ± " + number(e.halfWidth());
    }

    /** The same for a memory figure in bytes, shown in MiB. */
    public static String estimateMib(Estimate e) {
        if (e == null) {
            return "-";
        }
        return e.n() < 2 ? mib(e.median()) : mib(e.median()) + " ± " + mib(e.halfWidth());
    }

    public static String percent(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    public static String seconds(double v) {
        return String.format(Locale.ROOT, "%.2f s", v);
    }

    /**
     * A command line as a shell would take it back: arguments with spaces, quotes or shell characters are
     * single-quoted, so that what is shown can be pasted and run.
     */
    public static String command(List<String> args) {
        return args.stream().map(a -> PLAIN_ARGUMENT.matcher(a).matches() ? a : "'" + a.replace("'", "'\\''") + "'")
                .collect(Collectors.joining(" "));
    }

    /** {@code 200:1966 -1:34} style counts, keys in order; kinds that never happened are left out. */
    public static String counts(Map<String, Long> counts) {
        String shown = new TreeMap<>(counts).entrySet().stream()
                .filter(e -> e.getValue() != 0)
                .map(e -> e.getKey() + ":" + e.getValue())
                .collect(Collectors.joining(" "));
        return shown.isEmpty() ? "-" : shown;
    }
}
