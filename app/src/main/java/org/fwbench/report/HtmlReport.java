package org.fwbench.report;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fwbench.analysis.ChartData;
import org.fwbench.analysis.Metric;
import org.fwbench.analysis.Verdict;
import org.fwbench.result.Environment;
import org.fwbench.result.RunResult;
import org.fwbench.result.RunSettings;
import org.fwbench.result.ScenarioRanking;
import org.fwbench.result.ScenarioResult;
import org.fwbench.result.TargetResult;
import org.fwbench.stats.RatioTest;
import org.fwbench.units.Format;

/**
 * The run as one self-contained HTML file: tables, charts (Chart.js, inlined from its WebJar), environment
 * and command line, readable offline. Everything from results is escaped by the template engine (mustache's
 * {@code {{ }}}); the chart data goes in as {@link ScriptJson}. The only unescaped insertions are the page's own
 * style and scripts and that JSON.
 */
public final class HtmlReport {

    private static final String CHART_JS_PROPERTIES = "META-INF/maven/org.webjars.npm/chart.js/pom.properties";
    private static final Pattern SOURCE_MAP = Pattern.compile("(?m)^//# sourceMappingURL=.*$");
    private static final Template TEMPLATE = Mustache.compiler().nullValue("").emptyStringIsFalse(true).compile(resource("report.html.mustache"));
    private static final Assets ASSETS = Assets.load();
    private static final Pattern PLUS_MINUS = Pattern.compile("(.*?) ± (\\S+)(.*)");

    /** The page's own CSS and JavaScript, and the chart library. */
    private record Assets(String css, String script, String chartJs, String chartJsVersion) {

        static Assets load() {
            String version = webJarVersion();
            String chartJs = SOURCE_MAP.matcher(classpath("META-INF/resources/webjars/chart.js/" + version
                    + "/dist/chart.umd.min.js")).replaceAll("");
            return new Assets(resource("report.css"), requireScriptSafe(resource("report.js")),
                    requireScriptSafe(chartJs), version);
        }
    }

    /** The page as the template sees it; every string here is escaped when written. */
    record Page(String suite, String started, String took, String settings, List<TableView> tables,
            List<String> header, List<ScenarioView> scenarios, List<Item> environment, List<TargetView> targets,
            String commandLine, String css, String script, String chartJs, String chartJsVersion, String data) {
    }

    /** A scenario's table with each cell split for the page (see {@link CellView}). */
    record TableView(String scenario, String caption, List<List<CellView>> rows, List<String> problems,
            Verdict verdict) {

        static TableView of(ScenarioTable.Table t) {
            return new TableView(t.scenario(), t.caption(),
                    t.rows().stream().map(r -> r.stream().map(CellView::of).toList()).toList(), t.problems(),
                    t.verdict());
        }
    }

    /**
     * A table cell as the page shows it: the value ({@code 3,472 *}) with its {@code ± 4,786} on a line of its
     * own, so that seventeen columns fit a 1400 px window instead of running off its edge.
     *
     * @param spread the {@code ± half-width}; empty when the cell has none
     */
    record CellView(String value, String spread) {

        static CellView of(String cell) {
            Matcher m = PLUS_MINUS.matcher(cell);
            return m.matches() ? new CellView(m.group(1) + m.group(3), "± " + m.group(2)) : new CellView(cell, "");
        }
    }

    record ScenarioView(int index, String name, String load, List<RankingView> rankings, List<String> notes,
            boolean measured, String timelineBasis) {
    }

    record RankingView(String metric, List<RankRow> ranks) {
    }

    record RankRow(String rank, String target, String median, String versus) {
    }

    record Item(String name, String value) {
    }

    record TargetView(String name, String version, String status, boolean failed, String reason, String command,
            String starts, String logFile, String logTail) {
    }

    private HtmlReport() {
    }

    public static String render(RunResult result) {
        ChartData data = ChartData.of(result);
        List<ScenarioTable.Table> tables = ScenarioTable.of(result);
        List<ScenarioView> scenarios = new ArrayList<>();
        for (int i = 0; i < data.scenarios().size(); i++) {
            ChartData.ScenarioCharts charts = data.scenarios().get(i);
            scenarios.add(new ScenarioView(i, charts.name(), load(result, charts.name()),
                    rankings(result, charts.name()), notes(tables, charts.name()),
                    !charts.throughput().targets().isEmpty(), charts.timelineBasis().toString().toUpperCase(Locale.ROOT)));
        }
        Page page = new Page(result.suite(), Instant.ofEpochMilli(result.startedAtMillis()).toString(),
                took(result), settings(result.settings()), tables.stream().map(TableView::of).toList(),
                ScenarioTable.HEADER,
                scenarios, environment(result), targets(result), Text.command(result.commandLine()),
                ASSETS.css(), ASSETS.script(), ASSETS.chartJs(), ASSETS.chartJsVersion(), ScriptJson.of(data));
        return TEMPLATE.execute(page);
    }

    /** At most one line per target: what not to take at face value in this scenario, and why. */
    private static List<String> notes(List<ScenarioTable.Table> tables, String scenario) {
        return tables.stream().filter(t -> t.scenario().equals(scenario)).findFirst()
                .map(t -> t.verdict().notes()).orElse(List.of());
    }

    private static String took(RunResult r) {
        Duration d = Duration.ofMillis(Math.max(0, r.endedAtMillis() - r.startedAtMillis()));
        return String.format(Locale.ROOT, "%d min %02d s", d.toMinutes(), d.toSecondsPart());
    }

    private static String settings(RunSettings s) {
        if (s == null) {
            return "";
        }
        return (s.quick() ? "QUICK LOOK (less certain), " : "") + s.mode() + " mode, " + s.repeats()
                + (s.repeats() == 1 ? " round" : " rounds") + " x " + s.measurementsPerStart() + " per start"
                + (s.restart() ? ", a fresh start per round" : ", one process per target")
                + (s.phases() > 1 ? ", " + s.phases() + " phases (leak check)" : "")
                + (s.together() ? ", all targets running together" : "");
    }

    private static String load(RunResult result, String scenario) {
        return result.targets().stream().flatMap(t -> t.scenarios().stream())
                .filter(s -> s.scenario().equals(scenario) && s.load() != null).findFirst()
                .map(s -> describe(s.method(), s.load())).orElse("");
    }

    private static String describe(String method, ScenarioResult.AppliedLoad l) {
        return (method == null ? "" : method + ", ")
                + (l.rate() > 0 ? "open model at " + Format.number(l.rate()) + " req/s" + SeedReports.spacing(l) : "closed model")
                + ", " + l.connections() + " connections, "
                + (l.requests() > 0 ? l.requests() + " requests" : Format.number(l.durationSeconds()) + " s")
                + " after " + Format.number(l.warmupSeconds()) + " s warm-up, timeout "
                + Format.number(l.timeoutSeconds()) + " s" + (l.keepAlive() ? "" : ", a new connection per request")
                + (l.spawnRate() > 0 ? ", " + Format.number(l.spawnRate()) + " users/s ramp" : "")
                + (l.thinkTimeSeconds() > 0 ? ", think time " + Format.number(l.thinkTimeSeconds()) + " s" : "");
    }

    private static List<RankingView> rankings(RunResult result, String scenario) {
        List<RankingView> views = new ArrayList<>();
        for (ScenarioRanking r : result.rankings()) {
            if (!r.scenario().equals(scenario)) {
                continue;
            }
            List<RankRow> rows = new ArrayList<>();
            for (int i = 0; i < r.ranks().size(); i++) {
                ScenarioRanking.Rank rank = r.ranks().get(i);
                String next = i + 1 < r.ranks().size() ? r.ranks().get(i + 1).target() : null;
                rows.add(new RankRow(rank.rank() + (rank.tied() ? " (tied)" : ""), rank.target(),
                        metricValue(r.metric(), rank.median()), versus(rank.vsNext(), next)));
            }
            views.add(new RankingView(metricLabel(r.metric()), rows));
        }
        return views;
    }

    /** "1.78x (1.66–1.93) jetty, significant": the ratio of means with its 95% interval. */
    private static String versus(RatioTest c, String next) {
        if (c == null) {
            return "";
        }
        String interval = Double.isInfinite(c.ratioHigh()) ? "no interval"
                : String.format(Locale.ROOT, "%.2f–%.2f", c.ratioLow(), c.ratioHigh());
        return String.format(Locale.ROOT, "%.2fx (%s) %s, %s", c.ratio(), interval, next,
                c.significant() ? "significant" : "not significant");
    }

    private static String metricLabel(String metric) {
        return Metric.ofRankingKey(metric).map(Metric::title).orElse(metric);
    }

    private static String metricValue(String metric, double v) {
        boolean bytes = Metric.ofRankingKey(metric).map(m -> m.unit() == Metric.Unit.BYTES).orElse(false);
        return bytes ? Format.mib(v) : Format.number(v);
    }

    private static List<Item> environment(RunResult result) {
        List<Item> items = new ArrayList<>();
        Environment e = result.environment();
        if (e != null) {
            items.add(new Item("CPU", e.cpuModel()));
            items.add(new Item("Cores", String.valueOf(e.cores())));
            items.add(new Item("Memory", Format.mib(e.memoryBytes()) + " MiB"));
            items.add(new Item("System", e.os() + " " + e.kernel()));
            items.add(new Item("JDK", e.jdk()));
            items.add(new Item("CPU pinning", e.pinned()
                    ? "load engine on CPUs " + e.loadCpus() + ", targets on CPUs " + e.targetCpus()
                    : "not pinned: the load engine and the targets shared all CPUs"));
            items.add(new Item("Memory probe", e.memoryProbe()));
            items.add(new Item("fwbench", e.fwbenchVersion()));
        }
        items.add(new Item("Settings", settings(result.settings())));
        ScenarioTable.runNotes(result).forEach(n -> items.add(new Item("Note", n)));
        items.add(new Item("Suite", result.suite() + (result.suiteFile() == null ? "" : " (" + result.suiteFile() + ")")));
        items.add(new Item("Started", Instant.ofEpochMilli(result.startedAtMillis()) + ", took " + took(result)));
        return items;
    }

    private static List<TargetView> targets(RunResult result) {
        return result.targets().stream().map(t -> new TargetView(t.name(),
                t.version() == null || t.version().isEmpty() ? "-" : t.version(), t.status().toString(), !t.ok(),
                t.reason(), Text.command(t.command()), starts(t), t.logFile(), String.join("\n", t.logTail())))
                .toList();
    }

    private static String starts(TargetResult t) {
        if (t.starts().isEmpty()) {
            return "never started";
        }
        if (t.starts().getFirst().startupSeconds() == null) {
            return "already running (not started by fwbench)";
        }
        return t.starts().size() + (t.starts().size() == 1 ? " start" : " starts") + ", ready after "
                + String.join(", ", t.starts().stream().map(s -> Format.seconds(s.startupSeconds())).toList());
    }

    /** The inlined scripts must not contain the one sequence that would end their element early. */
    private static String requireScriptSafe(String script) {
        if (script.toLowerCase(Locale.ROOT).contains("</script")) {
            throw new IllegalStateException("a script to inline contains </script");
        }
        return script;
    }

    private static String webJarVersion() {
        Properties p = new Properties();
        try (InputStream in = stream(CHART_JS_PROPERTIES)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version");
    }

    private static String resource(String name) {
        return classpath("org/fwbench/report/" + name);
    }

    private static String classpath(String path) {
        try (InputStream in = stream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream stream(String path) {
        InputStream in = HtmlReport.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("missing from the class path: " + path);
        }
        return in;
    }
}
