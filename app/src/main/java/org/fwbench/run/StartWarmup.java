package org.fwbench.run;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.BiConsumer;
import org.fwbench.config.LoadSpecs;
import org.fwbench.load.LoadEngine;
import org.fwbench.load.LoadResult;
import org.fwbench.load.LoadSpec;
import org.fwbench.load.Progress;
import org.fwbench.proc.ProcFs;
import org.fwbench.proc.TreeCpu;
import org.fwbench.result.Warmup;
import org.fwbench.server.CompilerPriority;
import org.fwbench.stats.CompilerQuiet;
import org.fwbench.stats.SteadyState;

/**
 * Warms up a freshly started target on all its scenarios together: short loads of each scenario in turn until
 * every scenario's intervals agree on throughput and on the target's CPU per request (on throughput alone when
 * the target's process cannot be read), or, for a JIT runtime, until its compiler threads have been quiet over
 * the last second and a whole turn of the scenarios (after at least two turns), or the start's maximum is spent.
 * One warm-up for the whole start, not one per scenario, because a JIT needs seconds of load to compile a server's
 * code (4-7 s for a Java target on one core, see bench/jit-warmup.py) and most of that code is shared by the
 * routes; loading them in turn also lets a shared call site see every route's traffic before any route is
 * measured, so that measuring one does not deoptimise what another compiled.
 */
final class StartWarmup {

    /**
     * One warm-up interval, one load run of the engine each: the engine's progress comes once a second, too
     * coarse to tell a JIT's last second from a steady server. A new run costs a new set of connections
     * (16 handshakes on loopback, well under a millisecond) and drops the requests in flight at its end.
     */
    static final Duration INTERVAL = Duration.ofMillis(250);
    /**
     * CPU an interval must hold for its CPU per request to count (read in nanoseconds from the threads'
     * schedstat, or in ticks where ended threads took more with them, see TreeCpu#since): a target almost idle
     * for 250 ms is judged on its throughput alone.
     */
    static final long MIN_CPU_NANOS = Duration.ofMillis(20).toNanos();
    /**
     * Turns of all the scenarios before quiet compilers may end the warm-up: in the first turn a JIT has not yet
     * seen every route's code.
     */
    static final int MIN_TURNS = 2;

    /** A scenario of the start and the URL it is loaded on. */
    record Route(RunPlan.PlannedScenario scenario, URI url) {
        String name() {
            return scenario.name();
        }
    }

    private StartWarmup() {
    }

    /**
     * Warms the target up and says, per scenario, how its warm-up went. The maximum is the largest warm-up of
     * the routes; a route whose warm-up is zero is not loaded and gets {@link Warmup#NONE}.
     *
     * @param progress told each interval's progress with the name of the scenario being loaded
     */
    static Map<String, Warmup> run(LoadEngine engine, OptionalLong pid, List<Route> routes,
            BiConsumer<String, Progress> progress) throws InterruptedException {
        Map<String, Warmup> result = new LinkedHashMap<>();
        List<RouteState> rotation = new ArrayList<>();
        Duration max = Duration.ZERO;
        for (Route r : routes) {
            Duration w = r.scenario().load().warmup();
            if (w.isZero()) {
                result.put(r.name(), Warmup.NONE);
            } else {
                rotation.add(new RouteState(r));
                max = w.compareTo(max) > 0 ? w : max;
            }
        }
        long begin = System.nanoTime();
        long requests = 0;
        double maxSeconds = max.toNanos() / 1e9;
        CompilerQuiet jit = new CompilerQuiet(CompilerQuiet.Rule.DEFAULT.overAtLeast(Math.max(1, rotation.size())));
        List<Mark> marks = new ArrayList<>();
        boolean compiled = false;
        // Raised for the warm-up only: the measured window runs at the priorities the target chose.
        try (CompilerPriority compilers = pid.isPresent() ? CompilerPriority.raise(pid.getAsLong()) : null) {
            // Judged after every interval, not every turn: a turn of the Java suite's five routes is 1.3 s, and
            // waiting for its end kept warm-ups going after they were done. The quiet span still covers a whole
            // turn: over the last second alone, a route's own code (a template, a file) could still be compiling.
            for (int k = 0; !rotation.isEmpty(); k++) {
                if (seconds(begin) >= maxSeconds || Thread.currentThread().isInterrupted()) {
                    return finish(result, rotation, seconds(begin), requests, null);
                }
                RouteState route = rotation.get(k % rotation.size());
                Mark mark = new Mark(seconds(begin), requests);
                marks.add(mark);
                Interval i = route.interval(engine, pid, mark, progress);
                requests += i.requests();
                jit.add(seconds(begin) - mark.seconds(), i.cpu().nanos(), i.cpu().compilerNanos());
                if (compilers != null) {
                    compilers.refresh(); // the JVM adds compiler threads as its queue grows
                }
                if (rotation.stream().allMatch(RouteState::steady)) {
                    break;
                }
                if (k + 1 >= MIN_TURNS * rotation.size() && jit.quiet()) {
                    compiled = true;
                    break;
                }
            }
        }
        return finish(result, rotation, seconds(begin), requests, compiled ? marks.get(jit.quietSince()) : null);
    }

    private static Map<String, Warmup> finish(Map<String, Warmup> result, List<RouteState> rotation,
            double seconds, long requests, Mark quiet) {
        for (RouteState route : rotation) {
            result.put(route.route.name(), route.warmup(seconds, requests, quiet));
        }
        return result;
    }

    /** The target tree's CPU so far, thread by thread; empty when its process is not known or cannot be read. */
    private static Optional<TreeCpu> cpu(OptionalLong pid) {
        return pid.isPresent() ? ProcFs.treeCpu(pid.getAsLong()) : Optional.empty();
    }

    /** Where an interval began: seconds into the warm-up, and the start's attempts sent before it. */
    private record Mark(double seconds, long requestsBefore) {
    }

    /** What one interval did: attempts sent, and the target's CPU in it with its compilers' part (none when unknown). */
    private record Interval(long requests, TreeCpu.Used cpu) {
    }

    private static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }

    /** One scenario's intervals so far and what its detector made of them. */
    private static final class RouteState {
        private final Route route;
        private final LoadSpec interval;
        private final SteadyState detector = new SteadyState(SteadyState.Rule.DEFAULT);
        /** Where each of its intervals began. */
        private final List<Mark> marks = new ArrayList<>();

        RouteState(Route route) {
            this.route = route;
            this.interval = LoadSpecs.warmup(LoadSpecs.measured(route.scenario().def(), route.scenario().load(),
                    route.url()), INTERVAL);
        }

        boolean steady() {
            return detector.steady();
        }

        /** Loads the route for one interval. */
        Interval interval(LoadEngine engine, OptionalLong pid, Mark mark, BiConsumer<String, Progress> progress)
                throws InterruptedException {
            marks.add(mark);
            Optional<TreeCpu> before = cpu(pid);
            LoadResult r = engine.run(interval, p -> progress.accept(route.name(), asWarmup(p)));
            Optional<TreeCpu> after = cpu(pid);
            double throughput = r.durationSeconds() <= 0 ? 0 : r.ok() / r.durationSeconds();
            TreeCpu.Used used = TreeCpu.between(before, after).orElse(TreeCpu.Used.NONE);
            double cpuPerRequest = used.nanos() >= MIN_CPU_NANOS && r.ok() > 0 ? used.nanos() / 1e3 / r.ok() : Double.NaN;
            detector.add(throughput, cpuPerRequest);
            return new Interval(r.requests(), used);
        }

        /**
         * How this scenario's warm-up went: steady from its own agreeing window, else from when the target's
         * compilers went quiet ({@code quiet}, null if they did not), else unsteady.
         */
        Warmup warmup(double seconds, long requests, Mark quiet) {
            if (detector.steady()) {
                Mark first = marks.get(detector.steadySince());
                return Warmup.steady(seconds, requests, detector.samples(), first.seconds(), first.requestsBefore());
            }
            if (quiet != null) {
                return Warmup.steady(seconds, requests, detector.samples(), quiet.seconds(), quiet.requestsBefore());
            }
            return Warmup.unsteady(seconds, requests, detector.samples());
        }

        private static Progress asWarmup(Progress p) {
            return new Progress(p.elapsedSeconds(), true, p.requests(), p.errors(), p.requestsPerSecond(),
                    p.connections());
        }
    }
}
