package org.fwbench.proc;

import java.util.Optional;

/**
 * The whole machine's CPU time so far, from the first line of {@code /proc/stat}, in clock ticks: time spent
 * busy (user, nice, system, irq, softirq), time the hypervisor gave to other guests while this one wanted to
 * run (steal), and everything (busy, idle, iowait, steal). Two readings bracket a measurement; see
 * {@link Interference}.
 */
public record MachineCpu(long busyTicks, long stealTicks, long totalTicks) {

    /** The machine's counters now; empty without a Linux /proc. */
    public static Optional<MachineCpu> read() {
        return ProcFs.readSystem("stat").flatMap(text -> text.lines().findFirst()).map(MachineCpu::parse);
    }

    /**
     * Parses the aggregate {@code cpu} line: user nice system idle iowait irq softirq steal [guest guest_nice].
     * Guest time is already inside user and nice, so it is not added again.
     */
    static MachineCpu parse(String line) {
        String[] f = line.trim().split("\\s+");
        if (!f[0].equals("cpu") || f.length < 9) {
            throw new IllegalArgumentException("not the cpu line of /proc/stat: " + line);
        }
        long[] v = new long[8];
        for (int i = 0; i < v.length; i++) {
            v[i] = Long.parseLong(f[i + 1]);
        }
        long busy = v[0] + v[1] + v[2] + v[5] + v[6];
        long steal = v[7];
        return new MachineCpu(busy, steal, busy + v[3] + v[4] + steal);
    }
}
