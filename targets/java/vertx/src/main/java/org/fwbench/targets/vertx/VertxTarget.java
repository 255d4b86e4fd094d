package org.fwbench.targets.vertx;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.KeyCertOptions;
import java.util.concurrent.ExecutionException;
import org.fwbench.targets.Listen;
import org.fwbench.targets.SelfSigned;
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
        return TargetApp.anyTransport("Vert.x", Versions.fromPom("io.vertx", "vertx-web"), VertxTarget::start);
    }

    private static AutoCloseable start(Listen listen) throws Exception {
        HttpServerOptions server = options(listen);
        Vertx vertx = Vertx.vertx();
        TemplatePage page = TemplatePage.load();
        DeploymentOptions options = new DeploymentOptions().setInstances(Runtime.getRuntime().availableProcessors());
        try {
            await(vertx.deployVerticle(() -> new HttpVerticle(server, page), options));
        } catch (Exception e) {
            await(vertx.close());
            throw e;
        }
        return () -> await(vertx.close());
    }

    /**
     * Vert.x serves h2c by default; HTTP/1.1 only unless asked, like the other targets. TLS offers h2 and
     * http/1.1 by ALPN, on one certificate shared by every instance.
     */
    private static HttpServerOptions options(Listen listen) {
        HttpServerOptions options = new HttpServerOptions().setHost("127.0.0.1").setPort(listen.port());
        return switch (listen.transport()) {
            case HTTP1 -> options.setHttp2ClearTextEnabled(false);
            case H2C -> options.setHttp2ClearTextEnabled(true);
            case TLS -> options.setHttp2ClearTextEnabled(false).setSsl(true).setUseAlpn(true)
                    .setKeyCertOptions(KeyCertOptions.wrap(SelfSigned.create().keyManagers()));
        };
    }

    private static <T> T await(Future<T> future) throws InterruptedException, ExecutionException {
        return future.toCompletionStage().toCompletableFuture().get();
    }
}
