package org.fwbench.server;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import org.fwbench.proc.ProcFs;
import org.fwbench.proc.ProcStat;

/**
 * Every process that belongs to one target, including those that left its tree. Parent links
 * alone miss a child whose parent died (it is re-parented to init), so on Linux two more ties
 * count: membership of the target's process group (the target leads its own session), and an
 * environment variable set at start that children inherit, the cookie Jenkins uses for the same
 * job. A daemon that both calls setsid and wipes its environment still escapes; nothing short of a
 * cgroup catches that.
 */
final class ProcessTree {

    /** Name of the environment variable that marks a target's processes. */
    static final String MARKER_VARIABLE = "FWBENCH_TARGET";

    private static final Duration POLL = Duration.ofMillis(50);
    /** SIGKILL cannot be ignored, but a process in uninterruptible sleep takes a moment to go. */
    private static final Duration KILL_WAIT = Duration.ofSeconds(3);

    private final ProcessHandle rootHandle;
    private final long root;
    private final boolean ownGroup;
    private final String marker;

    /**
     * @param root     the target's first process
     * @param ownGroup whether the root leads its own process group (started under setsid)
     * @param marker   {@code NAME=value} as found in the target's environment
     */
    ProcessTree(ProcessHandle root, boolean ownGroup, String marker) {
        this.rootHandle = root;
        this.root = root.pid();
        this.ownGroup = ownGroup;
        this.marker = marker;
    }

    /** The running members now: root first, no zombies, never fwbench itself. */
    Set<Long> livePids() {
        Set<Long> pids = new LinkedHashSet<>();
        // Through the handle, which knows the root's start time: once the root is gone its PID may
        // belong to a stranger. (A group's ID is never reused while the group has members.)
        if (rootHandle.isAlive()) {
            pids.add(root);
            pids.addAll(ProcFs.descendants(root));
        }
        for (long pid : ProcFs.pids()) {
            if (!pids.contains(pid) && isMarked(pid)) {
                pids.add(pid);
            }
        }
        pids.remove(ProcessHandle.current().pid());
        pids.removeIf(pid -> !ProcFs.isRunning(pid));
        return pids;
    }

    private boolean isMarked(long pid) {
        if (ownGroup && ProcFs.stat(pid).map(ProcStat::pgrp).orElse(-1L) == root) {
            return true;
        }
        return ProcFs.readBytes(pid, "environ")
                .map(b -> ("\0" + new String(b, StandardCharsets.ISO_8859_1) + "\0").contains("\0" + marker + "\0"))
                .orElse(false);
    }

    /**
     * SIGTERM to every member, SIGKILL to whatever is left after the grace period. Members that
     * appear meanwhile (a process forking while it shuts down) get the same treatment.
     */
    void stop(Duration grace) {
        Set<Long> termed = new HashSet<>();
        long deadline = System.nanoTime() + grace.toNanos();
        for (Set<Long> live = livePids(); !live.isEmpty(); live = livePids()) {
            if (System.nanoTime() >= deadline) {
                kill(live);
                return;
            }
            for (long pid : live) {
                if (termed.add(pid)) {
                    ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
                }
            }
            LockSupport.parkNanos(POLL.toNanos());
        }
    }

    private void kill(Set<Long> live) {
        long deadline = System.nanoTime() + KILL_WAIT.toNanos();
        while (!live.isEmpty() && System.nanoTime() < deadline) {
            live.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
            LockSupport.parkNanos(POLL.toNanos() / 5);
            live = livePids();
        }
    }
}
