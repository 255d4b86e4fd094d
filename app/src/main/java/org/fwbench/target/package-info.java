/**
 * A benchmark target as a real process tree: started in its own session with its output in a log
 * file, polled until ready, pinned to CPUs, and stopped as a whole tree. No target outlives fwbench:
 * a shutdown hook and a per-target watchdog process make sure of that.
 */
package org.fwbench.target;
