package org.fwbench.targets.javalin;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Header;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import org.fwbench.targets.Hello;
import org.fwbench.targets.StaticFiles;
import org.fwbench.targets.TargetApp;
import org.fwbench.targets.TargetMain;
import org.fwbench.targets.TemplatePage;
import org.fwbench.targets.Versions;

/** The routes in Javalin's config; Javalin answers 404 for the rest. */
public final class JavalinTarget {

    private JavalinTarget() {
    }

    public static void main(String[] args) {
        TargetMain.run(args, app());
    }

    static TargetApp app() {
        return TargetApp.http1("Javalin", Versions.fromPom("io.javalin", "javalin"), listen -> start(listen.port()));
    }

    private static void sendWithLength(Context ctx) throws IOException {
        InputStream stream = ctx.resultInputStream();
        if (stream != null && ctx.status() == HttpStatus.OK) {
            byte[] body = stream.readAllBytes();
            ctx.header(Header.CONTENT_LENGTH, String.valueOf(body.length)).result(body);
        }
    }

    private static AutoCloseable start(int port) {
        TemplatePage page = TemplatePage.load();
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.get("/plaintext", ctx -> ctx.contentType(Hello.TEXT_PLAIN).result(Hello.PLAINTEXT));
            config.routes.get("/json", ctx -> ctx.json(Hello.Message.hello()));
            config.routes.get("/hello/{name}",
                    ctx -> ctx.contentType(Hello.TEXT_PLAIN).result(Hello.greeting(ctx.pathParam("name"))));
            // Jetty adds a Content-Length by itself only to responses that fit its 32 KiB buffer.
            config.routes.get("/template", ctx -> {
                byte[] body = Hello.utf8(page.render());
                ctx.contentType(TemplatePage.CONTENT_TYPE).header(Header.CONTENT_LENGTH, String.valueOf(body.length))
                        .result(body);
            });
            config.staticFiles.add(files -> {
                files.hostedPath = StaticFiles.URL_PREFIX;
                files.directory = "/" + StaticFiles.CLASSPATH_DIR;
                files.location = Location.CLASSPATH;
            });
            // Javalin's static handler streams files chunked (no Content-Length over 32 KiB); buffering the
            // stream it found lets Jetty send the length, without enlarging the buffer of every response.
            config.routes.after(StaticFiles.URL_PREFIX + "/*", JavalinTarget::sendWithLength);
        });
        app.start("127.0.0.1", port);
        return app::stop;
    }
}
