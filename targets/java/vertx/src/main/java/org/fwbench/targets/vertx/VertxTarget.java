package org.fwbench.targets.vertx;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.concurrent.ExecutionException;
import org.fwbench.targets.TargetApp;
import org.fwbench.targets.TargetMain;
import org.fwbench.targets.TemplatePage;
import org.fwbench.targets.Versions;

/** Deploys {@link HttpVerticle} once per CPU the process may run on (taskset narrows that). */
public final class VertxTarget {

    private VertxTarget() {
    }

    public static void main(String[] args) {
        TargetMain.run(args, app());
    }

    static TargetApp app() {
        return new TargetApp("Vert.x", Versions.fromPom("io.vertx", "vertx-web"), VertxTarget::start);
    }

    private static AutoCloseable start(int port) throws Exception {
        Vertx vertx = Vertx.vertx();
        TemplatePage page = TemplatePage.load();
        DeploymentOptions options = new DeploymentOptions().setInstances(Runtime.getRuntime().availableProcessors());
        try {
            await(vertx.deployVerticle(() -> new HttpVerticle(port, page), options));
        } catch (Exception e) {
            await(vertx.close());
            throw e;
        }
        return () -> await(vertx.close());
    }

    private static <T> T await(Future<T> future) throws InterruptedException, ExecutionException {
        return future.toCompletionStage().toCompletableFuture().get();
    }
}
