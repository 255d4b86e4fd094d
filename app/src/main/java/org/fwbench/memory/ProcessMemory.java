package org.fwbench.memory;

/**
 * One process's memory and CPU time. A value this system cannot provide is null, never 0.
 *
 * @param pid          the process
 * @param command      its command line, or its name in brackets when it has none
 * @param rssBytes     resident set size: every page in RAM, shared ones included (VmRSS)
 * @param vmsBytes     virtual size: everything mapped, touched or not (VmSize)
 * @param ussBytes     unique set size: pages only this process uses (Private_Clean + Private_Dirty)
 * @param pssBytes     proportional set size: private pages plus each shared page divided by its sharers
 * @param swapBytes    swapped out
 * @param peakRssBytes the highest RSS since the process started (VmHWM); via OSHI the highest seen
 * @param threads      threads now
 * @param cpuSeconds   user plus system CPU time since the process started
 */
public record ProcessMemory(long pid, String command, long rssBytes, long vmsBytes, Long ussBytes, Long pssBytes,
                            Long swapBytes, long peakRssBytes, int threads, double cpuSeconds) {
}
