/**
 * The servers under test (the suite's targets) as real process trees: started in their own session with
 * their output in a log file, polled until ready, pinned to CPUs (their JIT compilers raised while they are
 * warmed up), and stopped as a whole tree; or, for a
 * server that was already running, found from its listening socket and left running. No target fwbench
 * started outlives it: a shutdown hook and a per-target watchdog process make sure of that.
 */
package org.fwbench.server;
