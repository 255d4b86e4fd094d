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

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(LiveTargets::stopAll, "fwbench-stop-targets"));
    }

    private LiveTargets() {
    }

    static void add(TargetProcess target) {
        LIVE.add(target);
    }

    static void remove(TargetProcess target) {
        LIVE.remove(target);
    }

    /** Stops all at once: each may take its whole grace period, and the user is waiting. */
    static void stopAll() {
        List<Thread> stopping = List.copyOf(LIVE).stream()
                .map(t -> Thread.ofVirtual().name("stop-" + t.name()).start(t::stop))
                .toList();
        for (Thread thread : stopping) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
