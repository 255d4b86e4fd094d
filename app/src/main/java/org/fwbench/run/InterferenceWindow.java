package org.fwbench.run;

import java.util.Optional;
import org.fwbench.proc.Interference;
import org.fwbench.proc.MachineCpu;
import org.fwbench.result.Disturbance;

/**
 * The machine's CPU counters and fwbench's own CPU read at the start of a measurement, turned into what others
 * took ({@link Interference}) once the measurement is over and the target's CPU over it is known.
 */
final class InterferenceWindow {

    private final OwnCpu ownCpu;
    private final Optional<MachineCpu> machine;
    private final double own;
    private final long startNanos;

    private InterferenceWindow(OwnCpu ownCpu) {
        this.ownCpu = ownCpu;
        this.machine = MachineCpu.read();
        this.own = ownCpu.seconds();
        this.startNanos = System.nanoTime();
    }

    static InterferenceWindow open(OwnCpu ownCpu) {
        return new InterferenceWindow(ownCpu);
    }

    /** The interference since {@link #open}, given the target's CPU seconds over the same window. */
    Disturbance close(double targetCpuSeconds) {
        Optional<MachineCpu> now = MachineCpu.read();
        double ownNow = ownCpu.seconds();
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        if (machine.isEmpty() || now.isEmpty() || own < 0 || ownNow < 0) {
            return Disturbance.UNKNOWN;
        }
        Interference i = Interference.between(machine.get(), now.get(), seconds, ownNow - own, targetCpuSeconds);
        return Disturbance.of(i.seconds(), i.stealSeconds(), i.othersCpuSeconds());
    }
}
