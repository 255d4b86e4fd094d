package org.fwbench.server;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The one registry of targets that are running, and the shutdown hook that stops them when fwbench
 * ends on Ctrl-C, SIGTERM, System.exit or an uncaught exception.
 */
final class LiveTargets {

    private static final Set<TargetProcess> LIVE = ConcurrentHashMap.newKeySet();
    /** Held while a target is spawned with its watchdog and registered, and while the hook takes its list. */
    private static final Object STARTING = new Object();
    /** Set once the shutdown hook began: no target starts after that. */
    private static boolean stopping;

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(LiveTargets::stopAll, "fwbench-stop-targets"));
    }

    private LiveTargets() {
    }

    /**
     * Spawns a target and registers it, unless fwbench is stopping. `fwbench run` is not interrupted on Ctrl-C or
     * SIGTERM: its shutdown hooks save the results and stop the targets while the run goes on until the JVM halts.
     * When the hook stopped the target being measured, the run saw it exit and started the next one; spawned
     * after the hook took its list, or halted before its watchdog existed, that target outlived fwbench. The hook
     * now waits for a start under way to be registered, and refuses the ones after it.
     *
     * @return the target, or empty when fwbench is stopping and nothing was spawned
     */
    static Optional<TargetProcess> start(Supplier<TargetProcess> spawn) {
        synchronized (STARTING) {
            if (stopping) {
                return Optional.empty();
            }
            TargetProcess target = spawn.get();
            LIVE.add(target);
            return Optional.of(target);
        }
    }

    static void remove(TargetProcess target) {
        LIVE.remove(target);
    }

    /** Stops all at once: each may take its whole grace period, and the user is waiting. */
    static void stopAll() {
        List<TargetProcess> live;
        synchronized (STARTING) {
            stopping = true;
            live = List.copyOf(LIVE);
        }
        List<Thread> threads = live.stream()
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
