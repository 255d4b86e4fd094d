package org.fwbench.units;

import java.util.Locale;

/** How quantities are spelled for people: one place, so console, Markdown, HTML and messages agree. */
public final class Format {

    private Format() {
    }

    /** Bytes in MiB with one decimal; {@code n/a} for a figure the system could not tell. */
    public static String mib(Long bytes) {
        return bytes == null ? "n/a" : mib(bytes.doubleValue());
    }

    public static String mib(double bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / ByteSizes.MIB);
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

    public static String percent(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    public static String seconds(double v) {
        return String.format(Locale.ROOT, "%.2f s", v);
    }

    /** Milliseconds as people read them: {@code 812us}, {@code 1.23ms}, {@code 2.50s}. */
    public static String millis(double millis) {
        if (millis < 1) {
            return String.format(Locale.ROOT, "%.0fus", millis * 1000);
        }
        if (millis < 1000) {
            return String.format(Locale.ROOT, "%.2fms", millis);
        }
        return String.format(Locale.ROOT, "%.2fs", millis / 1000);
    }

    /** A byte count in the largest binary unit that keeps it above 1: {@code 512 B}, {@code 3.00 MiB}. */
    public static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.2f %s", v, units[u]);
    }
}
