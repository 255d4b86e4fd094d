/**
 * The Linux process table as the files under {@code /proc}: which processes exist, their {@code stat} line,
 * their threads' CPU time ({@link org.fwbench.proc.TreeCpu}, with the JIT compiler threads named), and which of
 * them hold a listening TCP socket. Shared by the server package (a target's whole tree, the
 * process behind a port) and the memory package (CPU time); everything here answers "absent" rather than
 * failing when /proc is missing.
 */
package org.fwbench.proc;
