package org.fwbench.run;

import java.lang.management.ManagementFactory;

/** fwbench's own CPU time (all its threads: the load engine, the sampler, the JIT and GC), from the JVM. */
final class OwnCpu {

    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /** CPU seconds this process has used so far; negative where the JVM cannot tell. */
    double seconds() {
        return os.getProcessCpuTime() / 1e9;
    }
}
