package org.fwbench.units;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Byte sizes as people type them: {@code 200MiB}, {@code 1.5GiB}, {@code 512KiB}, {@code 300MB}, {@code 4096B}.
 * Binary (KiB, MiB, GiB) and decimal (kB, MB, GB) units are both accepted and mean what they say.
 */
public final class ByteSizes {

    /** Bytes in a MiB, the unit memory is shown in. */
    public static final double MIB = 1024.0 * 1024.0;

    private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([A-Za-z]+)");
    private static final Map<String, Long> UNITS = Map.of(
            "b", 1L,
            "kib", 1L << 10, "mib", 1L << 20, "gib", 1L << 30, "tib", 1L << 40,
            "kb", 1_000L, "mb", 1_000_000L, "gb", 1_000_000_000L, "tb", 1_000_000_000_000L);

    private ByteSizes() {
    }

    /** Parses a size; a bare number is not accepted, since bytes and MiB are both plausible. */
    public static long parse(String text) {
        Matcher m = FORM.matcher(text.trim());
        Long unit = m.matches() ? UNITS.get(m.group(2).toLowerCase(Locale.ROOT)) : null;
        if (unit == null) {
            throw new InvalidValueException("'" + text + "' is not a size (examples: 200MiB, 1.5GiB, 300MB)");
        }
        return Math.round(Double.parseDouble(m.group(1)) * unit);
    }
}
