/**
 * Memory and CPU time of a target's whole process tree: RSS, VMS, USS, PSS, swap, peak RSS,
 * threads and CPU seconds, read from /proc on Linux and through OSHI elsewhere (where USS and PSS
 * are unavailable and reported as null). A sampler turns repeated reads into a timeline and
 * measures what the sampling itself cost.
 */
package org.fwbench.memory;
