package org.fwbench.result;

/**
 * What disturbed a measurement from outside fwbench and the target, over the measured window: CPU time the
 * hypervisor took (steal) and CPU time of every other process, both summed over all CPUs.
 *
 * @param seconds          the window
 * @param stealSeconds     CPU stolen by the hypervisor
 * @param othersCpuSeconds CPU of processes that are neither fwbench nor the target
 * @param coresTaken       both together as a share of one CPU over the window: 0.25 is a quarter of a core
 */
public record Disturbance(double seconds, double stealSeconds, double othersCpuSeconds, double coresTaken) {

    /**
     * Cores taken above which a measurement counts as disturbed and is measured again: a quarter of a core, on
     * a two-core machine where the target and the engine have one core each, is a quarter of one side's CPU.
     */
    public static final double LIMIT_CORES = 0.25;

    /** Nothing could be read (no Linux /proc): counted as undisturbed. */
    public static final Disturbance UNKNOWN = of(0, 0, 0);

    public static Disturbance of(double seconds, double stealSeconds, double othersCpuSeconds) {
        return new Disturbance(seconds, stealSeconds, othersCpuSeconds,
                seconds <= 0 ? 0 : (stealSeconds + othersCpuSeconds) / seconds);
    }

    /** Whether more than {@code cores} of a CPU was taken on average. */
    public boolean exceeds(double cores) {
        return coresTaken > cores;
    }
}
