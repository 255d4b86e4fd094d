package org.fwbench.result;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * One target under one scenario.
 *
 * @param url          the URL as the load engine was given it (with the port of the first start)
 * @param load         the load settings that applied, after suite, scenario and command-line precedence
 * @param measurements one per repeat
 * @param summary      figures over all repeats; null when nothing was measured
 * @param setAside     measurements kept out of every figure: those of a start measured again in a make-up start
 *                     at the end of the run, or the make-up's own when it was no less disturbed (see
 *                     {@link Measurement.Conditions#madeUpFor()}); empty in most runs, and in results written
 *                     before make-up starts
 */
public record ScenarioResult(
        String scenario,
        String method,
        String url,
        Status status,
        String reason,
        AppliedLoad load,
        List<Measurement> measurements,
        Summary summary,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Measurement> setAside) {

    public ScenarioResult {
        measurements = List.copyOf(measurements);
        setAside = setAside == null ? List.of() : List.copyOf(setAside);
    }

    /** The same scenario with this summary of its measurements. */
    public ScenarioResult withSummary(Summary newSummary) {
        return new ScenarioResult(scenario, method, url, status, reason, load, measurements, newSummary, setAside);
    }

    public boolean ok() {
        return status == Status.OK;
    }

    /** The rate of this scenario's fixed-rate measurements (one per run for every target), if it had any. */
    public OptionalDouble fixedRate() {
        return measurements.stream().filter(m -> m.fixedRate() != null).mapToDouble(m -> m.fixedRate().rate()).findFirst();
    }

    /**
     * {@code ok}; {@code failed} (verification failed, or the target died: see reason); {@code not-run} (the
     * target never got there).
     */
    public enum Status {
        OK, FAILED, NOT_RUN;

        @JsonValue
        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * The load settings that applied to a scenario (durations in seconds).
     *
     * @param rate     0 for the closed model
     * @param arrivals open model: {@code even} or {@code poisson} (random moments at that mean rate); null closed
     */
    public record AppliedLoad(double durationSeconds, double warmupSeconds, int connections, double rate,
            String arrivals, long requests, double timeoutSeconds, boolean keepAlive, double spawnRate,
            double thinkTimeSeconds) {
    }
}
