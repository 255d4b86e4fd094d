package org.fwbench.proc;

/**
 * The fields fwbench uses from {@code /proc/PID/stat} (or a thread's {@code /proc/PID/task/TID/stat}). Times are
 * in clock ticks ({@code getconf CLK_TCK}), as the kernel writes them; {@code nice} is the scheduling priority,
 * -20 (highest) to 19.
 *
 * @param utimeTicks         user time of the process: of every thread it has had, those ended too
 * @param stimeTicks         system time, likewise
 * @param reapedChildrenTicks user and system time of the children it has waited for ({@code cutime + cstime})
 */
public record ProcStat(long pid, char state, long pgrp, long utimeTicks, long stimeTicks, long reapedChildrenTicks,
        int nice) {

    /** A zombie has exited and only waits to be reaped: for fwbench it is gone. */
    public boolean isZombie() {
        return state == 'Z' || state == 'X';
    }

    /**
     * Parses one stat line. The command name sits in parentheses and may itself hold spaces and
     * parentheses, so the fields are counted from the last closing parenthesis.
     */
    static ProcStat parse(long pid, String line) {
        String[] f = line.substring(line.lastIndexOf(')') + 2).trim().split(" ");
        // f[0] is field 3 (state) of proc(5), f[2] field 5 (process group); utime, stime, cutime and cstime are
        // fields 14 to 17, nice field 19.
        return new ProcStat(pid, f[0].charAt(0), Long.parseLong(f[2]), Long.parseLong(f[11]), Long.parseLong(f[12]),
                Long.parseLong(f[13]) + Long.parseLong(f[14]), Integer.parseInt(f[16]));
    }
}
