package org.fwbench.threshold;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.fwbench.report.Format;
import org.fwbench.result.Measurement;
import org.fwbench.result.ScenarioResult;
import org.fwbench.result.Summary;
import org.fwbench.result.TargetResult;
import org.fwbench.stats.Estimate;
import org.fwbench.units.ByteSizes;
import org.fwbench.units.Durations;
import org.fwbench.units.InvalidValueException;

/**
 * What a threshold can limit, each in one base unit (req/s, ms, bytes, µs per request, s). Figures with one
 * sample per repeat are the median of the repeats; p90, p99.9, p99.99 and max come from the merged histograms.
 */
public enum Metric {
    THROUGHPUT("throughput", Unit.NUMBER, c -> median(c.summary().throughput())),
    P50("p50", Unit.MILLIS, c -> median(c.summary().p50Ms())),
    P90("p90", Unit.MILLIS, c -> OptionalDouble.of(c.summary().latencyMs().p90())),
    P99("p99", Unit.MILLIS, c -> median(c.summary().p99Ms())),
    P999("p999", Unit.MILLIS, c -> OptionalDouble.of(c.summary().latencyMs().p999())),
    P9999("p9999", Unit.MILLIS, c -> OptionalDouble.of(c.summary().latencyMs().p9999())),
    MAX("max", Unit.MILLIS, c -> OptionalDouble.of(c.summary().latencyMs().max())),
    ERRORS("errors", Unit.NUMBER, c -> OptionalDouble.of(c.summary().failed())),
    /** {@code errors>1%}: failed attempts as a share of all attempts, over all repeats. */
    ERROR_PERCENT("errors", Unit.PERCENT, c -> OptionalDouble.of(c.summary().requests() == 0 ? 0
            : 100.0 * c.summary().failed() / c.summary().requests())),
    RSS("rss", Unit.BYTES, c -> measured(c, m -> (double) m.after().rssBytes())),
    PSS("pss", Unit.BYTES, c -> measured(c, m -> m.after().pssBytes() == null ? null : (double) m.after().pssBytes())),
    PEAK_RSS("peak-rss", Unit.BYTES, c -> measured(c, m -> (double) m.peak().rssBytes())),
    PEAK_PSS("peak-pss", Unit.BYTES, c -> measured(c, m -> m.peak().pssBytes() == null ? null
            : (double) m.peak().pssBytes())),
    CPU("cpu", Unit.MICROS, c -> median(c.summary().serverCpuMicrosPerRequest())),
    STARTUP("startup", Unit.SECONDS, c -> c.target().starts().isEmpty() ? OptionalDouble.empty()
            : median(Estimate.of(c.target().starts().stream().mapToDouble(TargetResult.Start::startupSeconds).toArray())));

    /** One measured target x scenario, with a summary. */
    record Cell(TargetResult target, ScenarioResult scenario) {
        Summary summary() {
            return scenario.summary();
        }
    }

    /** How a limit is typed and a value shown. */
    enum Unit {
        NUMBER, PERCENT, MILLIS, MICROS, SECONDS, BYTES
    }

    private static final Pattern NUMBER = Pattern.compile("\\d+(\\.\\d+)?");

    private final String label;
    private final Unit unit;
    private final Function<Cell, OptionalDouble> value;

    Metric(String label, Unit unit, Function<Cell, OptionalDouble> value) {
        this.label = label;
        this.unit = unit;
        this.value = value;
    }

    public String label() {
        return label;
    }

    OptionalDouble valueOf(Cell cell) {
        return value.apply(cell);
    }

    /** The metric a name and a typed limit mean ({@code errors>5} counts, {@code errors>1%} is a share). */
    static Metric of(String name, String limit) {
        List<Metric> named = Arrays.stream(values()).filter(m -> m.label.equals(name)).toList();
        if (named.isEmpty()) {
            throw new InvalidValueException("unknown metric '" + name + "'");
        }
        boolean percent = limit.endsWith("%");
        return named.stream().filter(m -> (m.unit == Unit.PERCENT) == percent).findFirst()
                .orElseThrow(() -> new InvalidValueException(name + (percent ? " cannot be a percentage"
                        : " needs a unit")));
    }

    /** The limit in this metric's base unit. */
    double parseLimit(String text) {
        return switch (unit) {
            case NUMBER -> number(text);
            case PERCENT -> number(text.substring(0, text.length() - 1).trim());
            case MILLIS -> nanos(text) / 1e6;
            case MICROS -> nanos(text) / 1e3;
            case SECONDS -> nanos(text) / 1e9;
            case BYTES -> ByteSizes.parse(text);
        };
    }

    String format(double v) {
        return switch (unit) {
            case NUMBER -> this == THROUGHPUT ? Format.number(v) + " req/s" : String.valueOf(Math.round(v));
            case PERCENT -> Format.percent(v) + "%";
            case MILLIS -> Format.number(v) + " ms";
            case MICROS -> Format.number(v) + " us/request";
            case SECONDS -> Format.seconds(v);
            case BYTES -> Format.mib(v) + " MiB";
        };
    }

    private double number(String text) {
        if (!NUMBER.matcher(text).matches()) {
            throw new InvalidValueException(label + " takes a plain number, not '" + text + "'");
        }
        return Double.parseDouble(text);
    }

    private double nanos(String text) {
        try {
            return Durations.parse(text.replace("µs", "us")).toNanos();
        } catch (InvalidValueException e) {
            throw new InvalidValueException(label + " needs a time with its unit (us, ms, s), not '" + text + "'");
        }
    }

    private static OptionalDouble median(Estimate e) {
        return e == null ? OptionalDouble.empty() : OptionalDouble.of(e.median());
    }

    /** The median over repeats; empty when any repeat lacks the figure (a partial median would mislead). */
    private static OptionalDouble measured(Cell c, Function<Measurement, Double> figure) {
        List<Double> values = c.scenario().measurements().stream().map(figure).toList();
        if (values.isEmpty() || values.contains(null)) {
            return OptionalDouble.empty();
        }
        return median(Estimate.of(values.stream().mapToDouble(Double::doubleValue).toArray()));
    }

    static String names() {
        return String.join(", ", Arrays.stream(values()).map(m -> m.label).distinct().toList());
    }
}
