/**
 * The servers under test (the suite's targets) as real process trees: started in their own session with
 * their output in a log file, polled until ready, pinned to CPUs, and stopped as a whole tree. No target
 * outlives fwbench: a shutdown hook and a per-target watchdog process make sure of that.
 */
package org.fwbench.server;
