package org.fwbench.result;

/**
 * What disturbed a measurement over the measured window, taken from neither the load nor the target: CPU time the
 * hypervisor took (steal), CPU time of every other process, both summed over all CPUs, and CPU time fwbench's own
 * JIT compilers took, which compete with the load on the engine's core.
 *
 * @param seconds               the window
 * @param stealSeconds          CPU stolen by the hypervisor
 * @param othersCpuSeconds      CPU of processes that are neither fwbench nor the target
 * @param engineCompilerSeconds CPU of fwbench's own JIT compiler threads: late in a run they compile the code that
 *                              reads memory and writes results, or a branch of the load path that its warm-up did
 *                              not take, on the core the load needs (0-0.14 of a core in a default run's windows)
 * @param coresTaken            the three together as a share of one CPU over the window: 0.25 is a quarter of a core
 */
public record Disturbance(double seconds, double stealSeconds, double othersCpuSeconds, double engineCompilerSeconds,
        double coresTaken) {

    /**
     * Cores taken above which a measurement counts as disturbed and is measured again: a quarter of a core, on
     * a two-core machine where the target and the engine have one core each, is a quarter of one side's CPU.
     */
    public static final double LIMIT_CORES = 0.25;

    /** Nothing could be read (no Linux /proc): counted as undisturbed. */
    public static final Disturbance UNKNOWN = of(0, 0, 0, 0);

    public static Disturbance of(double seconds, double stealSeconds, double othersCpuSeconds,
            double engineCompilerSeconds) {
        return new Disturbance(seconds, stealSeconds, othersCpuSeconds, engineCompilerSeconds,
                seconds <= 0 ? 0 : (stealSeconds + othersCpuSeconds + engineCompilerSeconds) / seconds);
    }

    /** Whether more than {@code cores} of a CPU was taken on average. */
    public boolean exceeds(double cores) {
        return coresTaken > cores;
    }

    /**
     * Whether the hypervisor and other processes alone took more than {@code cores} of a CPU on average: load from
     * outside fwbench, which can go on for longer than a retry waits (half a minute of steal in one default run).
     */
    public boolean fromOutsideExceeds(double cores) {
        return seconds > 0 && (stealSeconds + othersCpuSeconds) / seconds > cores;
    }
}
