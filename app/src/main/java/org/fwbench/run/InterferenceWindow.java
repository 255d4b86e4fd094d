package org.fwbench.run;

import java.util.Optional;
import org.fwbench.proc.Interference;
import org.fwbench.proc.MachineCpu;
import org.fwbench.proc.ProcFs;
import org.fwbench.proc.TreeCpu;
import org.fwbench.result.Disturbance;

/**
 * The machine's CPU counters and fwbench's own CPU read at the start of a measurement, turned into what others
 * took ({@link Interference}) and what fwbench's own JIT compilers took once the measurement is over and the
 * target's CPU over it is known.
 */
final class InterferenceWindow {

    private static final long OWN_PID = ProcessHandle.current().pid();

    private final Optional<MachineCpu> machine;
    private final Optional<TreeCpu> own;
    private final long startNanos;

    private InterferenceWindow() {
        this.machine = MachineCpu.read();
        this.own = ownCpu();
        this.startNanos = System.nanoTime();
    }

    static InterferenceWindow open() {
        return new InterferenceWindow();
    }

    /** The interference since {@link #open}, given the target's CPU seconds over the same window. */
    Disturbance close(double targetCpuSeconds) {
        Optional<MachineCpu> now = MachineCpu.read();
        Optional<TreeCpu.Used> ownUsed = TreeCpu.between(own, ownCpu());
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        if (machine.isEmpty() || now.isEmpty() || ownUsed.isEmpty()) {
            return Disturbance.UNKNOWN;
        }
        Interference i = Interference.between(machine.get(), now.get(), seconds, ownUsed.get().nanos() / 1e9,
                targetCpuSeconds);
        return Disturbance.of(i.seconds(), i.stealSeconds(), i.othersCpuSeconds(), ownUsed.get().compilerNanos() / 1e9);
    }

    /**
     * fwbench's own CPU (the load engine, the sampler, the JIT and GC) with its compiler threads' part; not its
     * children's, which are the targets.
     */
    private static Optional<TreeCpu> ownCpu() {
        return ProcFs.processCpu(OWN_PID);
    }
}
