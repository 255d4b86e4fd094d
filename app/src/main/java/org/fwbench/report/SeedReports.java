package org.fwbench.report;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.fwbench.result.MeasuredLoad;
import org.fwbench.result.Measurement;
import org.fwbench.result.MemoryReading;
import org.fwbench.result.RunResult;
import org.fwbench.result.ScenarioResult;
import org.fwbench.result.TargetResult;
import org.fwbench.units.ByteSizes;
import org.fwbench.units.Format;

/**
 * The seeds' own layouts, so a reader of the original posts finds the same lines, now with the
 * figures the originals lacked (USS, PSS, percentiles, the client's own CPU per call).
 */
public final class SeedReports {

    private SeedReports() {
    }

    /**
     * The first seed's compare.py output, line for line (its wording where fwbench did the same thing, its
     * field widths), with fwbench's extra figures in brackets at the end of a line: USS and PSS, how the
     * calls arrived, latency percentiles and fwbench's own CPU per call.
     */
    public static void seedCompare(RunResult r, PrintWriter out) {
        List<TargetResult> started = r.targets().stream().filter(t -> !t.starts().isEmpty()).toList();
        out.println("Started these independent subprocesses: " + started.stream()
                .map(t -> t.name() + " (" + t.starts().getFirst().pid() + ")").collect(Collectors.joining(" ")));
        out.println("Waited until each answered (readiness probe), measuring memory consumption now:");
        out.println();
        for (TargetResult t : started) {
            TargetResult.Start s = t.starts().getFirst();
            out.println(String.format(Locale.ROOT, "%-20s %s PID=%5d %s  %s   %s", label(t), os(r), s.pid(),
                    mem(s.idle()), firstCell(t).map(ScenarioResult::url).orElse(""), ussPss(s.idle())));
        }
        out.println();
        Optional<ScenarioResult.AppliedLoad> load = started.stream().flatMap(t -> t.scenarios().stream())
                .map(ScenarioResult::load).findFirst();
        long n = load.map(ScenarioResult.AppliedLoad::requests).orElse(0L);
        out.println(String.format(Locale.ROOT, "Now hammering each of those servers %5d times, with a %.3f seconds "
                        + "timeout:  %s - Done.   [%s]", n, load.map(ScenarioResult.AppliedLoad::timeoutSeconds).orElse(0.0),
                started.stream().map(TargetResult::name).collect(Collectors.joining(" ")),
                load.map(SeedReports::arrivals).orElse("")));
        double total = started.stream().flatMap(t -> loads(t).stream()).mapToDouble(MeasuredLoad::durationSeconds).sum();
        out.println(String.format(Locale.ROOT, "Concurrent hammering %d * %d urls took %.1f secs. Results: (200 = OK; "
                + "-1 = exception: timeout, connect, reset or protocol error)", started.size(), n, total));
        out.println();
        for (TargetResult t : started) {
            for (MeasuredLoad l : loads(t)) {
                String url = firstCell(t).map(ScenarioResult::url).orElse("");
                out.println(String.format(Locale.ROOT, "%-16s %40s   took %.4f seconds/call, with %5.1f%% success - %s"
                                + "   [latency ms p50 %s p90 %s p99 %s max %s; fwbench's own CPU %.0f us/call%s]",
                        label(t), url, l.requests() == 0 ? 0 : l.durationSeconds() / l.requests(), l.successPercent(),
                        counter(l), Format.number(l.latencyMs().p50()), Format.number(l.latencyMs().p90()),
                        Format.number(l.latencyMs().p99()), Format.number(l.latencyMs().max()),
                        l.client().cpuMicrosPerRequest(), l.client().saturated() ? " (SATURATED: client-bound)" : ""));
            }
        }
        out.println();
        out.println("Now after all those calls, measure memory again ...  Settled briefly, measuring memory consumption now:");
        out.println();
        for (TargetResult t : started) {
            TargetResult.Start s = t.starts().getFirst();
            out.println(String.format(Locale.ROOT, "%-20s %s PID=%5d %s", label(t), os(r), s.pid(),
                    s.pid() == null ? mem(null) : s.after() == null ? "(exited)"
                            : mem(s.after()) + "     " + ussPss(s.after())));
        }
        out.println();
        out.println("Killing PIDs: " + started.stream()
                .map(t -> t.starts().getFirst().pid() + " (" + label(t) + ")").collect(Collectors.joining(" ")));
        failures(r, out);
        out.flush();
    }

    /** How the calls arrived: the seed's pace (an arrival rate), all at once, or at most some at once. */
    static String arrivals(ScenarioResult.AppliedLoad l) {
        String connection = l.keepAlive() ? "keep-alive" : "a new connection each";
        if (l.rate() > 0) {
            return "arriving at " + Format.number(l.rate()) + "/s" + spacing(l) + ", " + connection
                    + (l.requests() > 0 && l.connections() >= l.requests() ? ", no cap on those in flight"
                    : ", at most " + l.connections() + " in flight");
        }
        return (l.requests() > 0 && l.connections() >= l.requests() ? "all at once" : "at most " + l.connections()
                + " at once") + ", " + connection;
    }

    /** " at random moments (Poisson)" for an open model's random arrivals; nothing for evenly spaced ones. */
    static String spacing(ScenarioResult.AppliedLoad l) {
        return "poisson".equals(l.arrivals()) ? " at random moments (Poisson)" : "";
    }

    /** The Locust seed's table, with the number of users at which failures began. */
    public static void ramp(RunResult r, PrintWriter out) {
        for (String scenario : r.scenarioNames()) {
            out.println();
            out.println("Scenario " + scenario + " (users ramped up; each sends a request, then thinks)");
            out.println(String.format(Locale.ROOT, "%-22s %14s %26s %20s %16s %24s", "Framework", "Total Request",
                    "Median Response Time (ms)", "Request Per Second", "Failed Requests", "Users at first failure"));
            for (TargetResult t : r.targets()) {
                for (Measurement m : measurements(t, scenario)) {
                    MeasuredLoad l = m.load();
                    out.println(String.format(Locale.ROOT, "%-22s %14d %26s %20.2f %16d %24s", t.name(), l.requests(),
                            Format.number(l.latencyMs().p50()), l.requestsPerSecond(), l.failed(),
                            usersAtFirstFailure(l).map(String::valueOf).orElse("none")));
                }
            }
        }
        failures(r, out);
        out.flush();
    }

    /** The template seed's ab runs: each run's requests/s, then their mean with its interval. */
    public static void ab(RunResult r, PrintWriter out) {
        for (String scenario : r.scenarioNames()) {
            out.println();
            out.println("Scenario " + scenario + ": requests per second of each run (like ab -n N -c C), then the mean");
            for (TargetResult t : r.targets()) {
                t.scenario(scenario).filter(s -> s.summary() != null)
                        .ifPresent(s -> out.println(String.format(Locale.ROOT, "%-20s %s   mean %s, median %s, 95%% CI %s-%s, cv %.0f%%%s",
                                t.name() + ":", s.measurements().stream()
                                        .map(m -> String.format(Locale.ROOT, "%5.0f", m.load().requestsPerSecond()))
                                        .collect(Collectors.joining(" ")),
                                Format.number(s.summary().throughput().mean()),
                                Format.number(s.summary().throughput().median()),
                                Format.number(s.summary().throughput().ciLow()),
                                Format.number(s.summary().throughput().ciHigh()),
                                100 * s.summary().throughput().cv(),
                                s.summary().throughput().noisy() ? " (noisy)" : "")));
            }
        }
        failures(r, out);
        out.flush();
    }

    /** The number of users when the first failing second of the ramp began, if any second failed. */
    static Optional<Integer> usersAtFirstFailure(MeasuredLoad l) {
        return l.timeline().stream().filter(i -> i.errors() > 0).findFirst().map(MeasuredLoad.Interval::connections);
    }

    private static void failures(RunResult r, PrintWriter out) {
        for (TargetResult t : r.targets()) {
            if (!t.ok()) {
                out.println(t.name() + ": " + t.status() + ": " + t.reason());
            }
            t.scenarios().stream().filter(s -> s.status() == ScenarioResult.Status.FAILED)
                    .forEach(s -> out.println(t.name() + " " + s.scenario() + ": " + s.reason()));
        }
    }

    /** The seed's {@code Counter({200: n, -1: m})}: statuses, and every failure without a status as -1. */
    static String counter(MeasuredLoad l) {
        Map<Integer, Long> counts = new TreeMap<>();
        l.statuses().forEach((k, v) -> counts.merge(Integer.parseInt(k), v, Long::sum));
        long noStatus = l.errors().entrySet().stream()
                .filter(e -> !e.getKey().equals("validation") && !e.getKey().equals("status"))
                .mapToLong(Map.Entry::getValue).sum();
        if (noStatus > 0) {
            counts.put(-1, noStatus);
        }
        // Python's Counter shows the most common first.
        return counts.entrySet().stream().sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining(", ", "Counter({", "})"));
    }

    private static List<MeasuredLoad> loads(TargetResult t) {
        return t.scenarios().stream().flatMap(s -> s.measurements().stream()).map(Measurement::load).toList();
    }

    private static List<Measurement> measurements(TargetResult t, String scenario) {
        return t.scenario(scenario).map(ScenarioResult::measurements).orElse(List.of());
    }

    private static Optional<ScenarioResult> firstCell(TargetResult t) {
        return t.scenarios().stream().findFirst();
    }

    private static String label(TargetResult t) {
        return t.version().isEmpty() ? t.name() : t.name() + " " + t.version();
    }

    /** The seed's "Posix" or "Windows", from the environment the run recorded. */
    private static String os(RunResult r) {
        return r.environment() != null && r.environment().os().startsWith("Windows") ? "Windows" : "Posix";
    }

    /** The seed's figures: RSS and VMS. */
    /** The seed's memory figures; a target whose memory was not measured (a server fwbench could not read) says so. */
    private static String mem(MemoryReading m) {
        if (m == null) {
            return "memory not measured";
        }
        return String.format(Locale.ROOT, "MEM(rss,vms)=(%5.2f,%6.2f) MiB", m.rssBytes() / ByteSizes.MIB,
                m.vmsBytes() / ByteSizes.MIB);
    }

    /** What the seed's psutil could not read then: memory not shared with others, and shared memory split. */
    private static String ussPss(MemoryReading m) {
        if (m == null) {
            return "";
        }
        return "[USS " + Format.mib(m.ussBytes()) + " PSS " + Format.mib(m.pssBytes()) + " MiB]";
    }
}
