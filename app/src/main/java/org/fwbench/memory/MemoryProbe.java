package org.fwbench.memory;

import org.fwbench.proc.ProcFs;

/** Reads the memory and CPU time of a process and all its descendants. */
public interface MemoryProbe {

    /**
     * The tree's memory now. Descendants that vanish while it is read are left out.
     *
     * @throws ProcessGoneException when the root itself no longer runs
     */
    TreeMemory read(long rootPid);

    /**
     * The tree's resident figures now (RSS, VMS, peak RSS, threads, CPU), with USS, PSS and swap null:
     * where those cost much more to read than the rest, as smaps_rollup does, a timeline can take
     * them less often.
     *
     * @throws ProcessGoneException when the root itself no longer runs
     */
    default TreeMemory readResident(long rootPid) {
        return read(rootPid);
    }

    /** Whether USS and PSS are measured here (Linux); elsewhere they are null. */
    boolean hasUssAndPss();

    /** /proc where there is one, OSHI elsewhere. */
    static MemoryProbe forThisSystem() {
        return ProcFs.isPresent() ? new LinuxProcProbe() : new OshiProbe();
    }
}
