package org.fwbench.run;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.fwbench.analysis.LeakDetector;
import org.fwbench.analysis.Timelines;
import org.fwbench.config.LoadSpecs;
import org.fwbench.load.LoadEngine;
import org.fwbench.load.LoadSpec;
import org.fwbench.load.Progress;
import org.fwbench.memory.MemoryProbe;
import org.fwbench.memory.MemorySampler;
import org.fwbench.memory.TreeMemory;
import org.fwbench.result.MeasuredLoad;
import org.fwbench.result.Measurement;
import org.fwbench.result.MemoryReading;

/**
 * Measures one repeat of one scenario against a running target: warm-up, then the measured load (in
 * phases when asked) while the target's memory is sampled, then memory again after a short settle.
 */
final class Measurer {

    /** Ten samples a second: fine enough to catch a peak, cheap enough not to disturb the target. */
    static final Duration SAMPLING_INTERVAL = Duration.ofMillis(100);
    /**
     * Lets in-flight work finish before the "after" and idle readings. Longer does not help: a JVM or
     * an allocator gives memory back on its own schedule, over seconds, if at all.
     */
    static final Duration SETTLE = Duration.ofMillis(250);

    private final LoadEngine engine;
    private final MemoryProbe probe;
    private final int phases;

    Measurer(LoadEngine engine, MemoryProbe probe, int phases) {
        this.engine = engine;
        this.probe = probe;
        this.phases = phases;
    }

    Measurement measure(long pid, RunPlan.PlannedScenario scenario, URI url, int repeat,
            Consumer<Progress> progress) throws InterruptedException {
        LoadSpec spec = LoadSpecs.measured(scenario.def(), scenario.load(), url);
        Duration warmup = scenario.load().warmup();
        if (!warmup.isZero()) {
            engine.run(LoadSpecs.warmup(spec, warmup), p -> progress.accept(asWarmup(p)));
        }
        TreeMemory before = probe.read(pid);
        List<MeasuredLoad> loads = new ArrayList<>();
        List<Measurement.Phase> phaseResults = new ArrayList<>();
        MemorySampler sampler = MemorySampler.start(probe, pid, SAMPLING_INTERVAL);
        TreeMemory end;
        List<TreeMemory> timeline;
        try {
            for (int k = 1; k <= phases; k++) {
                MeasuredLoad load = LoadRecords.of(engine.run(spec, progress));
                loads.add(load);
                if (phases > 1) {
                    phaseResults.add(phase(k, load, probe.read(pid)));
                }
            }
            end = probe.read(pid);
        } finally {
            timeline = sampler.stop();
        }
        Thread.sleep(SETTLE.toMillis());
        TreeMemory after = probe.read(pid);
        MeasuredLoad load = MeasuredLoad.merge(loads);
        double cpu = Math.max(0, end.cpuSeconds() - before.cpuSeconds());
        List<MemoryReading> samples = MemoryRecords.of(timeline);
        MemoryReading beforeLoad = MemoryRecords.of(before);
        MemoryReading afterLoad = MemoryRecords.of(after);
        return new Measurement(repeat, load, beforeLoad, afterLoad,
                Timelines.peak(beforeLoad, samples, MemoryRecords.of(end), afterLoad), Timelines.points(samples, load.startedAtMillis()),
                MemoryRecords.of(sampler.overhead()), cpu,
                load.requests() == 0 ? 0 : cpu * 1e6 / load.requests(),
                phaseResults, phaseResults.size() < 2 ? null : LeakDetector.check(phaseResults));
    }

    private static Progress asWarmup(Progress p) {
        return new Progress(p.elapsedSeconds(), true, p.requests(), p.errors(), p.requestsPerSecond(), p.connections());
    }

    private static Measurement.Phase phase(int index, MeasuredLoad load, TreeMemory m) {
        return new Measurement.Phase(index, load.requests(), load.throughput(), load.latencyMs().p99(),
                m.rssBytes(), m.pssBytes(), m.ussBytes());
    }
}
