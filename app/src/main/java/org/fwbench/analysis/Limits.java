package org.fwbench.analysis;

import java.util.regex.Pattern;
import org.fwbench.units.ByteSizes;
import org.fwbench.units.Durations;
import org.fwbench.units.Format;
import org.fwbench.units.InvalidValueException;

/** A threshold's limit as typed in its metric's unit, and a measured value as a violation names it. */
final class Limits {

    private static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d+)?");
    /** The space people put between a number and its unit ({@code 1 ms}, {@code 200 MiB}, {@code 0.5 %}). */
    private static final Pattern SPACE_BEFORE_UNIT = Pattern.compile("^(\\d+(?:\\.\\d+)?)\\s+(?=\\D)");

    private Limits() {
    }

    /** The limit in the metric's base unit (req/s, ms, bytes, µs per request, s, %). */
    static double parse(Metric metric, String typed) {
        String text = SPACE_BEFORE_UNIT.matcher(typed).replaceFirst("$1");
        return switch (metric.unit()) {
            case RATE, COUNT -> number(metric, text);
            case PERCENT -> number(metric, text.substring(0, text.length() - 1));
            case MILLIS -> nanos(metric, text) / 1e6;
            case MICROS -> nanos(metric, text) / 1e3;
            case SECONDS -> nanos(metric, text) / 1e9;
            case BYTES -> ByteSizes.parse(text);
        };
    }

    static String format(Metric metric, double v) {
        return switch (metric.unit()) {
            case RATE -> Format.number(v) + " req/s";
            case COUNT -> String.valueOf(Math.round(v));
            case PERCENT -> Format.percent(v) + "%";
            case MILLIS -> Format.number(v) + " ms";
            case MICROS -> Format.number(v) + " us/request";
            case SECONDS -> Format.seconds(v);
            case BYTES -> Format.mib(v) + " MiB";
        };
    }

    private static double number(Metric metric, String text) {
        if (!NUMBER.matcher(text).matches()) {
            throw new InvalidValueException(metric.thresholdName() + " takes a plain number, not '" + text + "'");
        }
        return Double.parseDouble(text);
    }

    private static double nanos(Metric metric, String text) {
        try {
            return Durations.parse(text.replace("µs", "us")).toNanos();
        } catch (InvalidValueException e) {
            throw new InvalidValueException(metric.thresholdName() + " needs a time with its unit (us, ms, s), not '"
                    + text + "'");
        }
    }
}
