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

    /** Whether USS and PSS are measured here (Linux); elsewhere they are null. */
    boolean hasUssAndPss();

    /** /proc where there is one, OSHI elsewhere. */
    static MemoryProbe forThisSystem() {
        return ProcFs.isPresent() ? new LinuxProcProbe() : new OshiProbe();
    }
}
