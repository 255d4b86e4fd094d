package org.fwbench.load;

import java.lang.management.ManagementFactory;

/** The CPU time of this process and the CPUs it may use: the engine's own cost. */
final class ProcessCpu {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private ProcessCpu() {
    }

    /** User plus system CPU time of the whole process so far, in nanoseconds. */
    static long nanos() {
        return OS.getProcessCpuTime();
    }

    /** CPUs this process may run on: the JDK honours the affinity mask (taskset) and cgroup quotas. */
    static int available() {
        return Runtime.getRuntime().availableProcessors();
    }
}
