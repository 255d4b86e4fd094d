package org.fwbench.targets.helidon;

import io.helidon.common.Version;
import io.helidon.common.media.type.MediaTypes;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.staticcontent.StaticContentFeature;
import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import java.util.Map;
import org.fwbench.targets.Hello;
import org.fwbench.targets.Listen;
import org.fwbench.targets.SelfSigned;
import org.fwbench.targets.StaticFiles;
import org.fwbench.targets.TargetApp;
import org.fwbench.targets.TargetMain;
import org.fwbench.targets.TemplatePage;

/** The routes on Helidon's HTTP routing; Helidon answers 404 for the rest. */
public final class HelidonTarget {

    private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

    private HelidonTarget() {
    }

    public static void main(String[] args) {
        TargetMain.run(args, app());
    }

    static TargetApp app() {
        return TargetApp.anyTransport("Helidon", Version.VERSION, HelidonTarget::start);
    }

    private static AutoCloseable start(Listen listen) {
        TemplatePage page = TemplatePage.load();
        WebServerConfig.Builder builder = WebServer.builder().host("127.0.0.1").port(listen.port());
        // HTTP/2 comes from the helidon-webserver-http2 module, found on the class path unless discovery is off.
        switch (listen.transport()) {
            case HTTP1 -> builder.protocolsDiscoverServices(false).addProtocol(Http1Config.create());
            case H2C -> { }
            case TLS -> builder.tls(tls -> tls.sslContext(SelfSigned.create().sslContext()));
        }
        WebServer server = builder
                .addFeature(StaticContentFeature.create(features -> features.addClasspath(files -> files
                        .location(StaticFiles.CLASSPATH_DIR)
                        .context(StaticFiles.URL_PREFIX))))
                .routing(routing -> routes(routing, page))
                .build()
                .start();
        return server::stop;
    }

    private static void routes(HttpRouting.Builder routing, TemplatePage page) {
        routing.get("/plaintext", (req, res) -> {
            res.headers().contentType(MediaTypes.TEXT_PLAIN);
            res.send(Hello.PLAINTEXT);
        }).get("/json", (req, res) -> res.send(JSON.createObjectBuilder().add("message", Hello.PLAINTEXT).build()))
                .get("/hello/{name}", (req, res) -> {
                    res.headers().contentType(MediaTypes.TEXT_PLAIN);
                    res.send(Hello.greeting(req.path().pathParameters().get("name")));
                }).get("/template", (req, res) -> {
                    res.header(HeaderNames.CONTENT_TYPE, TemplatePage.CONTENT_TYPE);
                    res.send(page.render());
                });
    }
}
