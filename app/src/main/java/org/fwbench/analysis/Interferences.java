package org.fwbench.analysis;

import java.util.List;
import org.fwbench.result.Disturbance;
import org.fwbench.result.Measurement;
import org.fwbench.result.RunInterference;
import org.fwbench.result.RunResult;

/**
 * The interference of a whole run, summed over the measurements it kept. A target whose process could not be read
 * has none read (its own CPU would count as other processes'), so its measurements are left out.
 */
public final class Interferences {

    private Interferences() {
    }

    public static RunInterference of(RunResult run) {
        List<Measurement> ms = run.targets().stream().flatMap(t -> t.scenarios().stream())
                .flatMap(s -> s.measurements().stream()).filter(Measurement::hasMemory).toList();
        List<Disturbance> ds = ms.stream().map(m -> m.conditions().disturbance()).toList();
        return new RunInterference(Disturbance.LIMIT_CORES, ms.size(),
                (int) ds.stream().filter(d -> d.exceeds(Disturbance.LIMIT_CORES)).count(),
                (int) ms.stream().filter(m -> m.conditions().compiling()).count(),
                ms.stream().mapToInt(m -> m.conditions().remeasured()).sum(),
                ds.stream().mapToDouble(Disturbance::coresTaken).average().orElse(0),
                ds.stream().mapToDouble(Disturbance::coresTaken).max().orElse(0),
                ds.stream().mapToDouble(Disturbance::stealSeconds).sum());
    }
}
