package org.fwbench.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fwbench.result.Cell;
import org.fwbench.result.RunResult;
import org.fwbench.result.ScenarioResult;
import org.fwbench.result.TargetResult;
import org.fwbench.units.InvalidValueException;

/**
 * A limit as typed after {@code --fail-if}: {@code METRIC OPERATOR VALUE}, e.g. {@code p99>50ms},
 * {@code errors>0}, {@code errors>=1%}, {@code rss>200MiB}, {@code throughput<1000}, {@code cpu>300us}. The
 * expression says when the run fails; it is checked on every target x scenario.
 *
 * @param text  the expression as typed
 * @param limit the value in the metric's base unit (req/s, ms, bytes, µs per request, s, %)
 */
public record Threshold(String text, Metric metric, Operator operator, double limit) {

    private static final Pattern FORM = Pattern.compile("\\s*([a-z0-9-]+)\\s*(<=|>=|<|>)\\s*(\\S.*?)\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final String USAGE = "form: METRIC<VALUE or METRIC>VALUE (also <=, >=), e.g. p99>50ms, errors>0, "
            + "rss>200MiB, throughput<1000";

    /**
     * Parses an expression.
     *
     * @throws InvalidValueException with a message for the user, naming the form and the metrics
     */
    public static Threshold parse(String text) {
        Matcher m = FORM.matcher(text);
        if (!m.matches()) {
            throw new InvalidValueException("'" + text + "' is not a threshold (" + USAGE + ")");
        }
        try {
            Metric metric = metric(m.group(1).toLowerCase(Locale.ROOT), m.group(3));
            return new Threshold(text.strip(), metric, Operator.of(m.group(2)), Limits.parse(metric, m.group(3)));
        } catch (InvalidValueException e) {
            throw new InvalidValueException("'" + text + "' is not a threshold: " + e.getMessage()
                    + " (metrics: " + Metric.thresholdNames() + ")");
        }
    }

    /**
     * Every violation of these thresholds, and every target x scenario that should have been measured and was
     * not (failed, not run), once each: a guard must not pass because the server crashed. Skipped targets (not
     * installed) are left out.
     */
    public static List<Violation> checkAll(List<Threshold> thresholds, RunResult result) {
        if (thresholds.isEmpty()) {
            return List.of();
        }
        List<Violation> violations = new ArrayList<>();
        for (TargetResult t : result.targets()) {
            for (ScenarioResult s : t.scenarios()) {
                if (s.summary() == null && t.status() != TargetResult.Status.SKIPPED) {
                    String why = s.reason() != null ? s.reason() : t.reason();
                    violations.add(new Violation(t.name(), s.scenario(), null, OptionalDouble.empty(),
                            "not measured (" + s.status() + (why == null ? "" : ": " + why) + ")"));
                }
            }
        }
        thresholds.forEach(th -> violations.addAll(th.check(result)));
        return violations;
    }

    /** The measured target x scenario cells that break this limit; see {@link #checkAll} for the others. */
    public List<Violation> check(RunResult result) {
        List<Violation> violations = new ArrayList<>();
        for (TargetResult t : result.targets()) {
            for (ScenarioResult s : t.scenarios()) {
                if (s.summary() == null) {
                    continue;
                }
                OptionalDouble value = metric.valueOf(new Cell(t, s));
                if (value.isEmpty()) {
                    violations.add(new Violation(t.name(), s.scenario(), this, value, metric.thresholdName()
                            + (t.memoryMeasured() ? " was not measured on this system"
                                    : " " + t.notMeasured().label() + ": " + t.notMeasured().detail())));
                } else if (operator.holds(value.getAsDouble(), limit)) {
                    violations.add(new Violation(t.name(), s.scenario(), this, value,
                            metric.thresholdName() + " is " + Limits.format(metric, value.getAsDouble())));
                }
            }
        }
        return violations;
    }

    /** The metric a name and a typed limit mean ({@code errors>5} counts, {@code errors>1%} is a share). */
    private static Metric metric(String name, String limit) {
        List<Metric> named = Metric.ofThresholdName(name);
        if (named.isEmpty()) {
            throw new InvalidValueException("unknown metric '" + name + "'");
        }
        boolean percent = limit.endsWith("%");
        return named.stream().filter(m -> (m.unit() == Metric.Unit.PERCENT) == percent).findFirst()
                .orElseThrow(() -> new InvalidValueException(name + (percent ? " cannot be a percentage"
                        : " needs a unit")));
    }

    @Override
    public String toString() {
        return text;
    }
}
