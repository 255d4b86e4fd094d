package org.fwbench.server;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Stands in for fwbench in the orphan tests: starts a target whose processes ignore SIGTERM,
 * prints its tree as {@code TREE pid pid ...} and waits to be interrupted or killed.
 */
public final class TargetHolder {

    private TargetHolder() {
    }

    public static void main(String[] args) throws InterruptedException {
        LaunchSpec spec = new LaunchSpec("held", TargetProcessTest.IGNORES_TERM_WITH_CHILDREN, null, Map.of(),
                URI.create("http://127.0.0.1:9/"), Duration.ofSeconds(5), Path.of(args[0]), null);
        TargetProcess target = TargetProcess.start(spec, Duration.ofMillis(500));
        List<Long> pids = TargetProcessTest.awaitTreeOf(target, 3);
        System.out.println("TREE " + String.join(" ", pids.stream().map(String::valueOf).toList()));
        System.out.flush();
        Thread.sleep(Duration.ofMinutes(2));
    }
}
