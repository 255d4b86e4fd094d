/**
 * The Linux process table as the files under {@code /proc}: which processes exist and their
 * {@code stat} line. Shared by the target package (finding a target's whole tree) and the memory
 * package (CPU time); everything here answers "absent" rather than failing when /proc is missing.
 */
package org.fwbench.proc;
