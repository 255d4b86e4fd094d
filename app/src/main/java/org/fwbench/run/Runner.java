package org.fwbench.run;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.fwbench.analysis.Interferences;
import org.fwbench.analysis.Rankings;
import org.fwbench.load.LoadEngine;
import org.fwbench.memory.MemoryProbe;
import org.fwbench.memory.TreeMemory;
import org.fwbench.result.Disturbance;
import org.fwbench.result.Environment;
import org.fwbench.result.Measurement;
import org.fwbench.result.RunResult;
import org.fwbench.result.RunSettings;
import org.fwbench.result.TargetResult;
import org.fwbench.result.Warmup;
import org.fwbench.config.TargetDef;
import org.fwbench.server.CpuSet;
import org.fwbench.server.TargetFailedException;

/**
 * Runs a plan: each target started (one at a time in interleaved rounds, or all together), verified, and
 * measured on every scenario. A target that fails to start or dies is recorded with its reason and the run
 * goes on with the others; the results so far are handed to the listener to be saved after every target of
 * every round.
 */
public final class Runner {

    /** How long a target that failed a read gets to be seen exited (see {@link #exited}). */
    private static final Duration EXIT_GRACE = Duration.ofMillis(500);

    private final RunPlan plan;
    private final RunListener listener;
    private final Launcher launcher;
    private final MemoryProbe probe = MemoryProbe.forThisSystem();
    private final Map<String, TargetRun> runs = new LinkedHashMap<>();
    private final long startedAt = System.currentTimeMillis();
    private final List<List<String>> roundOrders = new CopyOnWriteArrayList<>();
    /** Per scenario, the fixed rate of the efficiency measurement: an earlier run's (the plan's), or set after round 1. */
    private final Map<String, Double> fixedRates = new ConcurrentHashMap<>();
    private Environment environment;

    public Runner(RunPlan plan, RunListener listener) {
        this.plan = plan;
        this.listener = listener;
        this.launcher = new Launcher(plan);
        fixedRates.putAll(plan.design().fixedRates());
    }

    public RunResult run() throws InterruptedException {
        boolean pinned = plan.cpus() != null && CpuSet.pinThisProcess(plan.cpus().load());
        environment = Environments.detect(plan, pinned, probe);
        for (TargetDef t : plan.targets()) {
            runs.put(t.name(), new TargetRun(t, plan.scenarios(), launcher.logFile(t).toString()));
        }
        Verifier verifier = new Verifier();
        try (LoadEngine engine = new LoadEngine()) {
            Measurer measurer = new Measurer(engine, probe, plan.phases(), !plan.design().quick());
            warmUp(engine);
            if (plan.together()) {
                runTogether(measurer, verifier);
            } else {
                runRounds(measurer, verifier);
                makeUps(measurer, verifier);
            }
        }
        RunResult result = result();
        listener.checkpoint(result);
        return result;
    }

    /**
     * The engine's own warm-up (seconds of load on a server of its own) for every path the run will take, before
     * any target starts: inside the first start's warm-up, it was counted in that start's time to steady state
     * (the first target's first start took 10-13 s where its others took 6-9). Every scenario fits every target
     * here: the suite loader refuses a protocol a target cannot speak.
     */
    private void warmUp(LoadEngine engine) {
        for (TargetDef t : plan.targets()) {
            for (RunPlan.PlannedScenario s : plan.scenarios()) {
                engine.warmUpFor(s.def().protocol().httpVersion(), t.tls());
            }
        }
    }

    /**
     * One target at a time, the others not running. With restarts, round 1 starts every target once in the
     * suite's order, and each later round once more in an order shuffled with the plan's seed, so that a slow
     * minute of the machine spreads over the targets instead of landing on one; the results are saved after
     * every target of every round.
     */
    private void runRounds(Measurer measurer, Verifier verifier) throws InterruptedException {
        int rounds = rounds();
        int perStart = plan.restart() ? plan.design().measurementsPerStart()
                : plan.repeats() * plan.design().measurementsPerStart();
        Random shuffle = new Random(plan.design().seed());
        List<TargetRun> order = new ArrayList<>(runs.values());
        for (int round = 1; round <= rounds; round++) {
            if (round > 1) {
                Collections.shuffle(order, shuffle);
            }
            roundOrders.add(order.stream().map(TargetRun::name).toList());
            for (TargetRun run : order) {
                if (round == 1 && skipped(run)) {
                    continue;
                }
                if (run.ok()) {
                    visit(run, round, round, 0, perStart, measurer, verifier);
                }
                listener.checkpoint(result());
            }
            if (round == 1) {
                FixedRates.of(runs.values(), plan.scenarios()).forEach(fixedRates::putIfAbsent);
            }
        }
    }

    /** Rounds of the run: one start of every target each with restarts, else one. */
    private int rounds() {
        return plan.restart() ? plan.repeats() : 1;
    }

    /**
     * Once the rounds are over, a target's start that stayed disturbed after its retries (steal and other processes
     * above {@link Disturbance#LIMIT_CORES}: a burst of the host's own load outlasts a retry made straight after) is
     * measured again in one make-up start, at most one a target, counted in the round of the start it stands in for.
     * Of the two, the start with fewer disturbed measurements is kept in the figures (see
     * {@link TargetRun#settleMakeUp}); the other's measurements stay in results.json, set aside. Not in a quick look,
     * which measures nothing again, nor with one round, whose start has no other to be told from.
     */
    private void makeUps(Measurer measurer, Verifier verifier) throws InterruptedException {
        if (!plan.restart() || rounds() < 2 || plan.design().quick()) {
            return;
        }
        for (TargetRun run : runs.values()) {
            OptionalInt disturbed = run.ok() ? run.disturbedStart() : OptionalInt.empty();
            if (disturbed.isPresent()) {
                int replaced = disturbed.getAsInt();
                int start = run.starts() + 1;
                visit(run, start, run.roundOf(replaced), replaced, plan.design().measurementsPerStart(), measurer,
                        verifier);
                run.settleMakeUp(replaced, start);
                listener.checkpoint(result());
            }
        }
    }

    /**
     * One start of a target: ready, verified on its first start, every scenario measured, stopped.
     *
     * @param madeUpFor the start a make-up start stands in for; 0 for a start of its own
     */
    private void visit(TargetRun run, int start, int round, int madeUpFor, int perStart, Measurer measurer,
            Verifier verifier) throws InterruptedException {
        Launcher.Session session = start(run, start, round, madeUpFor);
        if (session == null) {
            return;
        }
        try {
            TreeMemory idle = ready(run, session);
            if (start == 1) {
                verify(run, session, verifier);
            }
            measureAll(run, session, measurer, start, round, perStart);
            recordStart(run, session, idle);
        } finally {
            session.close();
        }
    }

    /** The seeds' setup: every target running while each one is measured in turn. */
    private void runTogether(Measurer measurer, Verifier verifier) throws InterruptedException {
        Map<String, Launcher.Session> sessions = new LinkedHashMap<>();
        Map<String, TreeMemory> idle = new LinkedHashMap<>();
        roundOrders.add(runs.values().stream().map(TargetRun::name).toList());
        try {
            for (TargetRun run : runs.values()) {
                if (!skipped(run)) {
                    Launcher.Session session = start(run, 1, 1, 0);
                    if (session != null) {
                        sessions.put(run.name(), session);
                    }
                }
            }
            for (Map.Entry<String, Launcher.Session> e : sessions.entrySet()) {
                idle.put(e.getKey(), ready(runs.get(e.getKey()), e.getValue()));
                verify(runs.get(e.getKey()), e.getValue(), verifier);
            }
            for (Map.Entry<String, Launcher.Session> e : sessions.entrySet()) {
                measureAll(runs.get(e.getKey()), e.getValue(), measurer, 1, 1,
                        plan.repeats() * plan.design().measurementsPerStart());
                listener.checkpoint(result());
            }
            for (Map.Entry<String, Launcher.Session> e : sessions.entrySet()) {
                recordStart(runs.get(e.getKey()), e.getValue(), idle.get(e.getKey()));
            }
        } finally {
            sessions.values().forEach(Launcher.Session::close);
        }
    }

    private boolean skipped(TargetRun run) {
        var missing = launcher.missingRequirement(run.target());
        if (missing.isPresent()) {
            run.skip(missing.get());
            listener.targetSkipped(run.name(), missing.get());
            return true;
        }
        return false;
    }

    private Launcher.Session start(TargetRun run, int start, int round, int madeUpFor) throws InterruptedException {
        // Interrupted (a caller stopping the run) as the target before died: it failed "exited", and the run must
        // not go on to start the next one.
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("stopping");
        }
        listener.targetStarting(run.name(), round, madeUpFor);
        try {
            Launcher.Session session = launcher.start(run.target());
            run.command(session.argv());
            if (start == 1) {
                run.version(launcher.version(run.target()));
                if (session.notMeasured() != null) {
                    run.notMeasured(session.notMeasured());
                    listener.notMeasured(run.name(), session.notMeasured());
                }
            }
            return session;
        } catch (TargetFailedException e) {
            List<String> tail = e.lastLogLines().lines().toList();
            run.fail(e.getMessage(), tail);
            listener.targetFailed(run.name(), e.getMessage(), tail);
            return null;
        } catch (RuntimeException e) {
            // A bad placeholder or an unreadable working directory: this target cannot run, the others can.
            run.fail(e.getMessage(), List.of());
            listener.targetFailed(run.name(), e.getMessage(), List.of());
            return null;
        }
    }

    private void verify(TargetRun run, Launcher.Session session, Verifier verifier) throws InterruptedException {
        for (RunPlan.PlannedScenario s : plan.scenarios()) {
            URI url = session.url(run.target().pathFor(s.def()));
            List<String> problems = verifier.check(s.def(), url);
            run.scenario(s.name()).verified(url.toString(), problems);
            listener.verified(run.name(), s.name(), problems);
        }
    }

    /**
     * Every runnable scenario of a started target: one warm-up of the start over all of them until each is
     * steady, then per scenario {@code count} measurements, and after the last of them the cost at the
     * scenario's fixed rate when there is one: from round 2 on when the run has more rounds, also when the rates
     * were given (an earlier run's), so that a run given its pair's rates has the same design and takes as long.
     */
    private void measureAll(TargetRun run, Launcher.Session session, Measurer measurer, int start, int round,
            int count) throws InterruptedException {
        List<StartWarmup.Route> routes = run.runnable().stream().map(state -> new StartWarmup.Route(state.planned(),
                session.url(run.target().pathFor(state.planned().def())))).toList();
        Map<String, Warmup> warmups;
        try {
            warmups = measurer.warmUp(session.pid(), routes,
                    (scenario, p) -> listener.loadProgress(run.name(), scenario, run.scenario(scenario).measured() + 1, p));
        } catch (IllegalArgumentException e) {
            // The engine cannot load this target at all (e.g. its TLS handshake fails): a failure with a reason.
            failTarget(run, session, "cannot be loaded: " + e.getMessage());
            return;
        } catch (RuntimeException e) {
            if (!exited(session)) {
                throw e;
            }
            warmups = Map.of();
        }
        if (!session.process().isAlive()) {
            failTarget(run, session, "exited during the warm-up (start " + start + ")");
            return;
        }
        for (TargetRun.ScenarioState state : run.runnable()) {
            String scenario = state.planned().name();
            URI url = session.url(run.target().pathFor(state.planned().def()));
            try {
                int first = state.measured() + 1;
                Warmup warmup = warmups.getOrDefault(scenario, Warmup.NONE);
                for (int k = 0; k < count; k++) {
                    int repeat = first + k;
                    Measurement m = measurer.measure(session.pid(), state.planned(), url, repeat, start, round,
                            k == 0 ? warmup : Warmup.CONTINUED, p -> listener.loadProgress(run.name(), scenario, repeat, p));
                    Double rate = round == 1 && rounds() > 1 ? null : fixedRates.get(scenario);
                    if (k == count - 1 && rate != null) {
                        m = m.withFixedRate(measurer.fixedRate(session.pid(), state.planned(), url, rate,
                                p -> listener.loadProgress(run.name(), scenario, repeat, p)));
                    }
                    if (!session.process().isAlive()) {
                        break;
                    }
                    state.add(m);
                    listener.measured(run.name(), scenario, m);
                }
            } catch (IllegalArgumentException e) {
                // The engine cannot load this scenario (e.g. its TLS handshake fails): the others may still be.
                state.fail("cannot be loaded: " + e.getMessage());
                continue;
            } catch (RuntimeException e) {
                if (!exited(session)) {
                    throw e;
                }
            }
            if (!session.process().isAlive()) {
                String why = "exited during scenario '" + scenario + "' (start " + start + ")";
                state.fail(why);
                failTarget(run, session, why);
                return;
            }
        }
    }

    /**
     * Whether the target has exited, after what failed while loading or reading it: a process already gone from
     * /proc can still be alive to Java until it is reaped, so it gets {@link #EXIT_GRACE} to show it.
     */
    private static boolean exited(Launcher.Session session) throws InterruptedException {
        long deadline = System.nanoTime() + EXIT_GRACE.toNanos();
        while (session.process().isAlive()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    private void failTarget(TargetRun run, Launcher.Session session, String why) {
        List<String> tail = session.process().lastLogLines(20).lines().toList();
        run.fail(why, tail);
        listener.targetFailed(run.name(), why, tail);
    }

    /** The idle memory of a freshly started target, announced with its version and first URL. */
    private TreeMemory ready(TargetRun run, Launcher.Session session) throws InterruptedException {
        TreeMemory idle = settledMemory(session);
        String url = session.url(run.target().pathFor(plan.scenarios().getFirst().def())).toString();
        listener.targetReady(run.name(), run.version(), session.recordedPid(), session.startupSeconds(),
                MemoryRecords.of(idle), url);
        return idle;
    }

    /** Null when the target's memory is not measured. */
    private TreeMemory settledMemory(Launcher.Session session) throws InterruptedException {
        Thread.sleep(Measurer.SETTLE.toMillis());
        return session.pid().isPresent() ? probe.read(session.pid().getAsLong()) : null;
    }

    private void recordStart(TargetRun run, Launcher.Session session, TreeMemory idle) throws InterruptedException {
        TreeMemory after = session.process().isAlive() ? settledMemory(session) : null;
        TargetResult.Start start = new TargetResult.Start(session.recordedPid(), session.port(),
                session.startupSeconds(), MemoryRecords.of(idle), MemoryRecords.of(after));
        run.started(start);
        listener.targetStopping(run.name(), run.version(), start);
    }

    /**
     * What has been measured so far, for a shutdown hook that saves it when fwbench is interrupted. Read
     * from another thread while the run goes on, so it may miss the measurement under way.
     */
    public RunResult snapshot() {
        return result();
    }

    private RunResult result() {
        List<TargetResult> targets = new ArrayList<>();
        runs.values().forEach(r -> targets.add(r.result()));
        RunResult result = new RunResult(RunResult.SCHEMA_VERSION, plan.suite().name(), plan.suite().file().toString(),
                startedAt, System.currentTimeMillis(), plan.commandLine(), environment,
                new RunSettings(plan.mode().label(), plan.repeats(), plan.restart() && !plan.together(),
                        plan.phases(), plan.together(), plan.design().measurementsPerStart(), plan.design().seed(),
                        List.copyOf(roundOrders), plan.design().quick()),
                targets, List.of(), null);
        return result.withAnalysis(Rankings.of(result), Interferences.of(result));
    }
}
