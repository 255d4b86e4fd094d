package org.fwbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.fwbench.report.ConsoleReport;
import org.fwbench.report.ReportFiles;
import org.fwbench.report.SeedReports;
import org.fwbench.result.ResultsFile;
import org.fwbench.result.RunResult;
import org.fwbench.result.ScenarioResult;
import org.fwbench.result.TargetResult;
import org.fwbench.run.Plans;
import org.fwbench.run.RunListener;
import org.fwbench.run.RunPlan;
import org.fwbench.run.Runner;
import org.fwbench.config.LoadSettings;
import org.fwbench.config.Mode;
import org.fwbench.config.Placeholders;
import org.fwbench.config.ScenarioDef;
import org.fwbench.config.Suite;
import org.fwbench.config.SuiteException;
import org.fwbench.config.SuiteLoader;
import org.fwbench.config.TargetDef;
import org.fwbench.server.CpuSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code fwbench run}: every target of a suite on every scenario, side by side. */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, sortOptions = false,
        description = {"Starts each target of a suite, checks its answers, measures its memory and hammers it on "
                + "every scenario, then prints one comparison table and writes results.json, .csv, .md and report.html.",
                "With no SUITE it runs the built-in Java suite (suites/java.yaml)."})
public final class RunCommand implements Callable<Integer> {

    /**
     * --quick's loads: 0.4 s measured after a 1.25 s warm-up of the start, one 250 ms interval for each of five
     * scenarios (too short to be found steady, and marked so).
     */
    private static final LoadSettings QUICK = LoadSettings.builder().duration(Duration.ofMillis(400))
            .warmup(Duration.ofMillis(1250)).build();

    @Spec
    CommandSpec spec;

    @Mixin
    LoadOptions load = new LoadOptions();

    @Parameters(arity = "0..1", paramLabel = "SUITE", description = "Suite file (YAML). Default: suites/java.yaml, "
            + "or the servers and paths given by --server, --url and --path.")
    Path suiteFile;

    @Mixin
    AdHocOptions adHoc = new AdHocOptions();

    @Option(names = "--targets", split = ",", paramLabel = "NAME", description = "Only these targets, in this order.")
    List<String> targets = List.of();

    @Option(names = "--scenarios", split = ",", paramLabel = "NAME", description = "Only these scenarios.")
    List<String> scenarios = List.of();










    @Option(names = "--mode", paramLabel = "MODE", defaultValue = "standard",
            description = "standard, or a seed's experiment: seed-compare (compare.py: 2000 calls, a new connection each, "
                    + "1 s timeout, arriving at the pace of its thread-per-call loop (--rate 0: all at once), targets "
                    + "together, each hammered in turn), ramp (Locust: users ramped up with think time), "
                    + "ab (ab -n 1000 -c 4, 5 runs).")
    String mode;

    @Option(names = "--repeat", paramLabel = "R", description = "Rounds: starts of each target, each measuring every "
            + "scenario (default 3; --quick 1; ab mode 5 and seed-compare and ramp 1, on one running target).")
    Integer repeats;

    @Option(names = "--per-start", paramLabel = "M", defaultValue = "1",
            description = "Measurements of each scenario on each start, after one warm-up (default 1).")
    int perStart;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of the shuffled order of rounds 2, 3, ... "
            + "(default: a new one, recorded in results.json, so that a run's order can be repeated).")
    Long seed;

    @Option(names = "--fixed-rates-from", paramLabel = "RESULTS", description = "Measure each scenario's efficiency "
            + "at the fixed rate an earlier run used (its results.json), from round 2 on as its own rate would be, so "
            + "that compare can set the two side by side; a scenario it lacks gets half the slowest target's "
            + "capacity, as without it.")
    Path fixedRatesFrom;

    @Option(names = "--quick", description = "A first look in under a minute: one start per target, 0.4 s loads "
            + "after a 1.25 s warm-up of the start. Every output says it is less certain.")
    boolean quick;

    @Option(names = "--no-restart", description = "Keep one process per target across repeats (default: a fresh start per repeat).")
    boolean noRestart;

    @Option(names = "--phases", paramLabel = "K", defaultValue = "1", description = "Split each measurement into K loads with memory read after each: a leak check.")
    int phases;

    @Option(names = "--together", description = "Start all targets at once and keep them running while each is measured (the seed's setup).")
    boolean together;

    @Option(names = "--cpus-load", paramLabel = "CPUS", description = "CPUs for the load engine, e.g. 0 or 0-1 (default: the first half).")
    String cpusLoad;

    @Option(names = "--cpus-target", paramLabel = "CPUS", description = "CPUs for the targets (default: the rest).")
    String cpusTarget;

    @Option(names = "--no-pin", description = "Do not pin the engine and the targets to CPUs.")
    boolean noPin;

    @Option(names = "--python", paramLabel = "PATH", description = "Python for $${python} (default: /usr/bin/python3, or env FWBENCH_PYTHON).")
    String python;

    @Option(names = "--out", paramLabel = "DIR", description = "Results folder (default: results/<timestamp>).")
    Path out;

    @Option(names = "--force", description = "Let --out replace an earlier run in that folder (its results and logs are removed first).")
    boolean force;

    @Mixin
    FailIfOption failIf = new FailIfOption();

    @Override
    public Integer call() throws IOException, InterruptedException {
        Mode runMode = mode();
        int repeatCount = repeats != null ? repeats : quick ? 1 : runMode.defaultRepeats();
        validate(repeatCount);
        Path home = Home.get();
        Suite suite = suite(home);
        Path outDir = out != null ? out : home.resolve("results")
                .resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        List<RunPlan.PlannedScenario> scenarios = Plans.scenarios(suite, selectScenarios(suite), runMode, overrides());
        RunPlan plan = new RunPlan(suite, selectTargets(suite), scenarios, runMode, repeatCount,
                !noRestart && runMode.restart(), phases, together || runMode.together(), cpus(), home, python(),
                outDir.resolve("logs"), commandLine(),
                new RunPlan.Design(perStart, seed != null ? seed : new SecureRandom().nextLong(), quick,
                        fixedRates(scenarios)));
        // Only now that the plan is valid: refused input leaves no empty results folder behind.
        OutFolder.prepare(outDir, force);
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        // The seed's layout has its own memory lines: the live ones then go with the progress, to stderr.
        PrintWriter targetLines = runMode == Mode.SEED_COMPARE ? stderr : stdout;
        RunListener listener = new ConsoleProgress(targetLines, stderr, Terminal.isInteractive()) {
            @Override
            public void checkpoint(RunResult soFar) {
                save(outDir, soFar);
            }
        };
        Runner runner = new Runner(plan, listener);
        // Ctrl-C or a kill ends the JVM without returning here: save what was measured on the way out.
        Thread saveOnExit = new Thread(() -> saveQuietly(outDir, runner));
        Runtime.getRuntime().addShutdownHook(saveOnExit);
        RunResult result = runner.run();
        Runtime.getRuntime().removeShutdownHook(saveOnExit);
        switch (runMode) {
            case SEED_COMPARE -> SeedReports.seedCompare(result, stdout);
            case RAMP -> SeedReports.ramp(result, stdout);
            case AB -> SeedReports.ab(result, stdout);
            case STANDARD -> ConsoleReport.print(result, stdout);
        }
        ReportFiles.write(result, outDir.resolve("report.html"), outDir.resolve("results.md"),
                outDir.resolve("results.csv"));
        stdout.println();
        stdout.println("Results: " + outDir.resolve("results.json") + " (also .csv, .md, report.html; target logs in "
                + outDir.resolve("logs") + ")");
        stdout.flush();
        boolean anyFailed = result.anyFailed();
        boolean violated = failIf.violated(result, stderr);
        return anyFailed || violated ? Main.EXIT_FAILED : 0;
    }

    private static void saveQuietly(Path outDir, Runner runner) {
        try {
            ResultsFile.write(outDir.resolve("results.json"), runner.snapshot());
        } catch (IOException | RuntimeException e) {
            // Shutting down: the last checkpoint (after the previous target) stays in place.
        }
    }

    private static void save(Path outDir, RunResult soFar) {
        try {
            ResultsFile.write(outDir.resolve("results.json"), soFar);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write results to " + outDir + ": " + e.getMessage(), e);
        }
    }

    private Mode mode() {
        return Mode.byLabel(mode).orElseThrow(() -> new UsageException("unknown mode '" + mode + "' (modes: "
                + Mode.labels() + ")"));
    }

    /** The earlier run's fixed rates of the closed-model scenarios planned here; none without --fixed-rates-from. */
    private Map<String, Double> fixedRates(List<RunPlan.PlannedScenario> scenarios) {
        if (fixedRatesFrom == null) {
            return Map.of();
        }
        Map<String, Double> old = Results.read(fixedRatesFrom).fixedRates();
        Map<String, Double> rates = new LinkedHashMap<>();
        scenarios.stream().filter(s -> s.load().rate() == 0 && old.containsKey(s.name()))
                .forEach(s -> rates.put(s.name(), old.get(s.name())));
        return rates;
    }

    private void validate(int repeatCount) {
        if (repeatCount < 1) {
            throw new UsageException("--repeat must be at least 1, not " + repeatCount);
        }
        if (perStart < 1) {
            throw new UsageException("--per-start must be at least 1, not " + perStart);
        }
        if (phases < 1) {
            throw new UsageException("--phases must be at least 1, not " + phases);
        }
    }

    /** The suite file, or the comparison given by --server, --url and --path (the same suite, built in memory). */
    private Suite suite(Path home) {
        if (adHoc.given()) {
            if (suiteFile != null) {
                throw new UsageException("give either a SUITE file or --server/--url/--path, not both ("
                        + "`fwbench init` writes the options as a suite file)");
            }
            return adHoc.suite(LoadSettings.EMPTY);
        }
        return load(suiteFile != null ? suiteFile : home.resolve("suites/java.yaml"));
    }

    private static Suite load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UsageException("no suite file at " + file);
        }
        try {
            return SuiteLoader.load(file);
        } catch (SuiteException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private List<TargetDef> selectTargets(Suite suite) {
        if (targets.isEmpty()) {
            return suite.targets();
        }
        List<TargetDef> selected = new ArrayList<>();
        for (String name : targets) {
            selected.add(suite.target(name).orElseThrow(() -> new UsageException("unknown target '" + name
                    + "' (" + suite.file() + " has: " + String.join(", ", suite.targets().stream().map(TargetDef::name).toList()) + ")")));
        }
        return selected;
    }

    private List<ScenarioDef> selectScenarios(Suite suite) {
        if (scenarios.isEmpty()) {
            return suite.scenarios();
        }
        List<ScenarioDef> selected = new ArrayList<>();
        for (String name : scenarios) {
            selected.add(suite.scenario(name).orElseThrow(() -> new UsageException("unknown scenario '" + name
                    + "' (" + suite.file() + " has: " + String.join(", ", suite.scenarios().stream().map(ScenarioDef::name).toList()) + ")")));
        }
        return selected;
    }

    /** The command line's load settings, over --quick's short loads when asked for. */
    private LoadSettings overrides() {
        return quick ? QUICK.overriddenBy(load.settings()) : load.settings();
    }

    /** The CPU split, or null for none: asked not to, or no taskset here (then nothing is pinned and the results say so). */
    private CpuSet.Split cpus() {
        if (noPin || !CpuSet.pinningSupported()) {
            return null;
        }
        // Checked here, before fwbench pins itself to the load CPUs and no longer sees the others.
        CpuSet available = CpuSet.available();
        CpuSet.Split split = CpuSet.defaultSplit(available);
        CpuSet load = cpusLoad == null ? split.load() : CpuSet.parse(cpusLoad);
        CpuSet target = cpusTarget == null ? split.target() : CpuSet.parse(cpusTarget);
        for (CpuSet s : List.of(load, target)) {
            if (!s.isWithin(available)) {
                throw new UsageException("CPUs " + s + " are not all available here (fwbench may use " + available + ")");
            }
        }
        return new CpuSet.Split(load, target);
    }

    private String python() {
        if (python != null) {
            return python;
        }
        return Placeholders.defaultPython(System.getenv());
    }

    private List<String> commandLine() {
        List<String> argv = new ArrayList<>();
        argv.add("fwbench");
        argv.addAll(spec.commandLine().getParseResult().originalArgs());
        return argv;
    }
}
