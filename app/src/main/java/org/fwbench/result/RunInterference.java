package org.fwbench.result;

/**
 * The interference of a whole run, over the measurements it kept.
 *
 * @param threshold      cores taken above which a measurement counts as disturbed and is measured again
 * @param measurements   measurements kept
 * @param disturbed      of which still above the threshold after being measured again
 * @param compiling      of which the target's compilers still took more than
 *                       {@link Measurement.Conditions#COMPILING_CORES} of a core after being measured again
 * @param remeasured     measurements taken again because the first attempt was disturbed or compiling
 * @param meanCoresTaken mean of the kept measurements' {@link Disturbance#coresTaken()}
 * @param maxCoresTaken  the largest of them
 * @param stealSeconds   CPU stolen by the hypervisor over all kept measurements
 */
public record RunInterference(double threshold, int measurements, int disturbed, int compiling, int remeasured,
        double meanCoresTaken, double maxCoresTaken, double stealSeconds) {
}
