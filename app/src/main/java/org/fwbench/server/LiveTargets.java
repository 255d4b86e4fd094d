package org.fwbench.server;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one registry of targets that are running, and the shutdown hook that stops them when fwbench
 * ends on Ctrl-C, SIGTERM, System.exit or an uncaught exception.
 */
final class LiveTargets {

    private static final Set<TargetProcess> LIVE = ConcurrentHashMap.newKeySet();
    /** Set once the shutdown hook began: a target added after it has missed it. */
    private static volatile boolean stopping;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(LiveTargets::stopAll, "fwbench-stop-targets"));
    }

    private LiveTargets() {
    }

    /**
     * Registers a running target; false when fwbench is already stopping, and the caller must stop it itself.
     * The hook's list is taken after {@code stopping} is set, so a target is either on it or told here.
     */
    static boolean add(TargetProcess target) {
        LIVE.add(target);
        return !stopping;
    }

    static void remove(TargetProcess target) {
        LIVE.remove(target);
    }

    /** Stops all at once: each may take its whole grace period, and the user is waiting. */
    static void stopAll() {
        stopping = true;
        List<Thread> threads = List.copyOf(LIVE).stream()
                .map(t -> Thread.ofVirtual().name("stop-" + t.name()).start(t::stop))
                .toList();
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
