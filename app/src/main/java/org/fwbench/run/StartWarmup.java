package org.fwbench.run;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.BiConsumer;
import org.fwbench.config.LoadSpecs;
import org.fwbench.load.LoadEngine;
import org.fwbench.load.LoadResult;
import org.fwbench.load.LoadSpec;
import org.fwbench.load.Progress;
import org.fwbench.proc.ProcFs;
import org.fwbench.result.Warmup;
import org.fwbench.stats.SteadyState;

/**
 * Warms up a freshly started target on all its scenarios together: short loads of each scenario in turn until
 * every scenario's intervals agree on throughput and on the target's CPU per request (on throughput alone when
 * the target's process cannot be read), or the start's maximum is spent. One warm-up for the whole start, not one per scenario, because a JIT needs seconds of load to compile
 * a server's code (about 5 s for a Java target on one core, see bench/jit-warmup.py) and most of that code is
 * shared by the routes; loading them in turn also lets a shared call site see every route's traffic before any
 * route is measured, so that measuring one does not deoptimise what another compiled.
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
     * schedstat, see ProcFs#treeCpuNanos): a target almost idle for 250 ms is judged on its throughput alone.
     */
    static final long MIN_CPU_NANOS = Duration.ofMillis(20).toNanos();

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
        while (!rotation.isEmpty() && !rotation.stream().allMatch(RouteState::steady)) {
            for (RouteState route : rotation) {
                if (seconds(begin) >= maxSeconds || Thread.currentThread().isInterrupted()) {
                    return finish(result, rotation, seconds(begin), requests);
                }
                requests += route.interval(engine, pid, seconds(begin), requests, progress);
            }
        }
        return finish(result, rotation, seconds(begin), requests);
    }

    private static Map<String, Warmup> finish(Map<String, Warmup> result, List<RouteState> rotation,
            double seconds, long requests) {
        for (RouteState route : rotation) {
            result.put(route.route.name(), route.warmup(seconds, requests));
        }
        return result;
    }

    /** The target tree's CPU so far; empty when its process is not known or cannot be read. */
    private static OptionalLong cpuNanos(OptionalLong pid) {
        return pid.isPresent() ? ProcFs.treeCpuNanos(pid.getAsLong()) : OptionalLong.empty();
    }

    private static double seconds(long sinceNanos) {
        return (System.nanoTime() - sinceNanos) / 1e9;
    }

    /** One scenario's intervals so far and what its detector made of them. */
    private static final class RouteState {
        private final Route route;
        private final LoadSpec interval;
        private final SteadyState detector = new SteadyState(SteadyState.Rule.DEFAULT);
        /** Per interval: seconds since the warm-up began, and the start's attempts before it. */
        private final List<Double> startedAt = new ArrayList<>();
        private final List<Long> requestsBefore = new ArrayList<>();

        RouteState(Route route) {
            this.route = route;
            this.interval = LoadSpecs.warmup(LoadSpecs.measured(route.scenario().def(), route.scenario().load(),
                    route.url()), INTERVAL);
        }

        boolean steady() {
            return detector.steady();
        }

        /** Loads the route for one interval and returns the attempts it sent. */
        long interval(LoadEngine engine, OptionalLong pid, double at, long requestsSoFar, BiConsumer<String, Progress> progress)
                throws InterruptedException {
            startedAt.add(at);
            requestsBefore.add(requestsSoFar);
            OptionalLong cpuBefore = cpuNanos(pid);
            LoadResult r = engine.run(interval, p -> progress.accept(route.name(), asWarmup(p)));
            OptionalLong cpuAfter = cpuNanos(pid);
            double throughput = r.durationSeconds() <= 0 ? 0 : r.ok() / r.durationSeconds();
            long cpu = cpuBefore.isPresent() && cpuAfter.isPresent() ? cpuAfter.getAsLong() - cpuBefore.getAsLong() : 0;
            double cpuPerRequest = cpu >= MIN_CPU_NANOS && r.ok() > 0 ? cpu / 1e3 / r.ok() : Double.NaN;
            detector.add(throughput, cpuPerRequest);
            return r.requests();
        }

        Warmup warmup(double seconds, long requests) {
            if (!detector.steady()) {
                return Warmup.unsteady(seconds, requests, detector.samples());
            }
            int first = detector.steadySince();
            return Warmup.steady(seconds, requests, detector.samples(), startedAt.get(first), requestsBefore.get(first));
        }

        private static Progress asWarmup(Progress p) {
            return new Progress(p.elapsedSeconds(), true, p.requests(), p.errors(), p.requestsPerSecond(),
                    p.connections());
        }
    }
}
