package org.fwbench.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.fwbench.result.RunResult;
import org.fwbench.run.SampleRuns;
import org.fwbench.units.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ThresholdTest {

    private static final double MIB = SampleRuns.MIB;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "p99>50ms          | P99              | GREATER          | 50",
            "P99 > 2s          | P99              | GREATER          | 2000",
            "p50>=500us        | P50              | GREATER_OR_EQUAL | 0.5",
            "p999>1.5ms        | P999             | GREATER          | 1.5",
            "errors>0          | ERRORS           | GREATER          | 0",
            "errors>=0.5%      | ERROR_PERCENT    | GREATER_OR_EQUAL | 0.5",
            "throughput<1000   | THROUGHPUT       | LESS             | 1000",
            "cpu>300us         | CPU              | GREATER          | 300",
            "cpu>300µs         | CPU              | GREATER          | 300",
            "cpu>1ms           | CPU              | GREATER          | 1000",
            "startup>2s        | STARTUP          | GREATER          | 2",
            "p95>20ms          | P95              | GREATER          | 20",
            "p99 > 1 ms        | P99              | GREATER          | 1",
            "cpu > 300 µs      | CPU              | GREATER          | 300",
            "errors >= 0.5 %   | ERROR_PERCENT    | GREATER_OR_EQUAL | 0.5",
            "p99 >  1.5   s    | P99              | GREATER          | 1500"})
    void parsesMetricOperatorAndLimitInTheBaseUnit(String text, Metric metric, Operator op, double limit) {
        Threshold t = Threshold.parse(text);
        assertThat(t.metric()).isEqualTo(metric);
        assertThat(t.operator()).isEqualTo(op);
        assertThat(t.limit()).isCloseTo(limit, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(t.text()).isEqualTo(text.strip());
    }

    @Test
    void memoryLimitsTakeSizes() {
        assertThat(Threshold.parse("rss>200MiB").limit()).isEqualTo(200 * MIB);
        assertThat(Threshold.parse("pss<=1GiB").metric()).isEqualTo(Metric.PSS_AFTER);
        assertThat(Threshold.parse("peak-rss>300MB").limit()).isEqualTo(300e6);
        assertThat(Threshold.parse("rss > 200 MiB").limit()).isEqualTo(200 * MIB);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "p99>50           | p99 needs a time with its unit (us, ms, s), not '50'",
            "rss>200          | '200' is not a size",
            "latency>5ms      | unknown metric 'latency'",
            "p99=5ms          | is not a threshold (form: METRIC<VALUE",
            "throughput<1k    | throughput takes a plain number, not '1k'",
            "p99>5%           | p99 cannot be a percentage",
            "errors>          | is not a threshold (form:",
            "p99>1 0ms        | p99 needs a time with its unit (us, ms, s), not '1 0ms'"})
    void badExpressionsSayWhatIsWrong(String text, String message) {
        assertThatThrownBy(() -> Threshold.parse(text)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining(message).hasMessageNotContaining("\n");
    }

    @Test
    void aBreachedLimitNamesTheCellAndTheValue() {
        List<Violation> v = Threshold.parse("p99>2ms").check(SampleRuns.standard());
        assertThat(v).extracting(Violation::describe).containsExactly("slow hello: p99 is 2.53 ms (--fail-if p99>2ms)");
        assertThat(v.getFirst().actual()).hasValueCloseTo(2.53, org.assertj.core.data.Offset.offset(0.01));
    }

    @Test
    void p95IsTheMedianOfTheRepeatsP95() {
        // slow hello: latencies spread evenly over [0.8, 2.4], [0.9, 2.7] and [0.85, 2.55] ms: p95 2.32, 2.61, 2.47.
        List<Violation> v = Threshold.parse("p95 > 2.4 ms").check(SampleRuns.standard());
        assertThat(v).extracting(Violation::describe).containsExactly("slow hello: p95 is 2.47 ms (--fail-if p95 > 2.4 ms)");
    }

    @Test
    void cellsThatWereNotMeasuredBreakEveryLimitAndAreNamedOnce() {
        List<Violation> v = Threshold.checkAll(List.of(Threshold.parse("p99>2ms"), Threshold.parse("errors>0")),
                SampleRuns.standard());
        assertThat(v).extracting(Violation::describe).containsExactly(
                "slow json: not measured (failed: response 1: expected status 200, got 500)",
                "broken hello: not measured (not-run: exited with code 1 before it answered)",
                "broken json: not measured (not-run: exited with code 1 before it answered)",
                "slow hello: p99 is 2.53 ms (--fail-if p99>2ms)",
                "slow hello: errors is 3 (--fail-if errors>0)");
        assertThat(Threshold.checkAll(List.of(), SampleRuns.standard())).isEmpty();
    }

    @Test
    void eachMetricReadsItsFigure() {
        RunResult r = measuredOnly();
        assertThat(cells(r, "errors>0")).containsExactly("slow hello");
        assertThat(cells(r, "errors>0.0001%")).containsExactly("slow hello");
        assertThat(cells(r, "errors>0.001%")).isEmpty();
        assertThat(cells(r, "throughput<25000")).containsExactly("slow hello");
        assertThat(cells(r, "throughput<45000")).containsExactly("fast hello", "slow hello");
        assertThat(cells(r, "rss>130MiB")).containsExactly("slow hello");
        assertThat(cells(r, "pss>100MiB")).containsExactly("slow hello");
        assertThat(cells(r, "peak-pss>=84MiB")).containsExactly("fast hello", "slow hello");
        assertThat(cells(r, "cpu>25us")).containsExactly("slow hello");
        assertThat(cells(r, "p50<1ms")).containsExactly("fast hello");
        assertThat(cells(r, "max>2.7ms")).containsExactly("slow hello");
        assertThat(cells(r, "startup>0.55s")).containsExactly("fast hello", "slow hello");
        assertThat(cells(r, "startup>0.65s")).isEmpty();
    }

    @Test
    void aFigureTheSystemCouldNotMeasureBreaksTheLimitRatherThanPassingIt() {
        RunResult r = SampleRuns.run("s", List.of(SampleRuns.target("nopss", "1", 10, List.of(SampleRuns.scenario(
                "hello", List.of(SampleRuns.measurement(1, 1000, 1, 50, false, 10, 0)))))));
        assertThat(Threshold.parse("pss>1GiB").check(r)).extracting(Violation::message)
                .containsExactly("pss was not measured on this system");
        assertThat(Threshold.parse("rss>1GiB").check(r)).isEmpty();
    }

    private static RunResult measuredOnly() {
        RunResult r = SampleRuns.standard();
        return SampleRuns.run("s", List.of(r.targets().get(0), SampleRuns.target("slow", "4.5", 60,
                List.of(r.targets().get(1).scenarios().getFirst()))));
    }

    private static List<String> cells(RunResult r, String threshold) {
        return Threshold.parse(threshold).check(r).stream()
                .filter(v -> !v.scenario().equals("json")).map(v -> v.target() + " " + v.scenario()).toList();
    }
}
