package org.fwbench.proc;

/**
 * What disturbed a measurement from outside: CPU the hypervisor took away (steal) and CPU spent by processes
 * that are neither fwbench nor the target (another build, a browser, a cron job). Either one slows the server
 * or the client by an amount nobody chose, and lands on whichever framework happened to be measured then.
 *
 * @param seconds          wall-clock length of the window
 * @param stealSeconds     CPU time stolen by the hypervisor over the window, summed over all CPUs
 * @param othersCpuSeconds CPU time of every other process (and the kernel's own work) over the window
 */
public record Interference(double seconds, double stealSeconds, double othersCpuSeconds) {

    public static final Interference NONE = new Interference(0, 0, 0);

    /**
     * The interference between two machine readings, given the CPU that fwbench and the target spent in the
     * same window (the rest of the machine's busy time belongs to others). Never negative: ticks are coarse
     * (10 ms) and the three readings are not taken at the same instant.
     */
    public static Interference between(MachineCpu before, MachineCpu after, double seconds,
            double fwbenchCpuSeconds, double targetCpuSeconds) {
        double tick = 1.0 / ProcFs.clockTicks();
        double busy = (after.busyTicks() - before.busyTicks()) * tick;
        double steal = (after.stealTicks() - before.stealTicks()) * tick;
        return new Interference(seconds, Math.max(0, steal),
                Math.max(0, busy - fwbenchCpuSeconds - targetCpuSeconds));
    }

    /** Stolen plus others' CPU, as a share of one CPU over the window: 0.25 is a quarter of a core taken. */
    public double coresTaken() {
        return seconds <= 0 ? 0 : (stealSeconds + othersCpuSeconds) / seconds;
    }

    /** Whether more than {@code cores} of a CPU was taken on average. */
    public boolean exceeds(double cores) {
        return coresTaken() > cores;
    }

    /** Adds two windows' interference (e.g. the phases of one measurement). */
    public Interference add(Interference other) {
        return new Interference(seconds + other.seconds, stealSeconds + other.stealSeconds,
                othersCpuSeconds + other.othersCpuSeconds);
    }
}
