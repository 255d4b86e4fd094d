package org.fwbench.result;

/**
 * The machine and software a run was measured on, so that two results can be told apart.
 *
 * @param loadCpus   CPUs the load engine (fwbench itself) was pinned to, in taskset form
 * @param targetCpus CPUs the targets were pinned to
 * @param targetCpuCount how many CPUs the targets could use (every CPU of the machine when not pinned); 0 in
 *                   results written before it was recorded
 * @param pinned     false when pinning was not possible (no taskset): then both shared all CPUs
 */
public record Environment(
        String fwbenchVersion,
        String os,
        String kernel,
        String cpuModel,
        int cores,
        long memoryBytes,
        String jdk,
        String loadCpus,
        String targetCpus,
        int targetCpuCount,
        boolean pinned,
        String memoryProbe) {
}
