package org.fwbench.targets.jdkhttpserver;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.SimpleFileServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.fwbench.targets.ManualRoutes;
import org.fwbench.targets.StaticFiles;
import org.fwbench.targets.TargetApp;
import org.fwbench.targets.TargetMain;
import org.fwbench.targets.TemplatePage;

/**
 * The routes on {@link HttpServer}: the root context routes by hand (contexts match by prefix only), and
 * {@link SimpleFileServer}'s handler serves the static files from a directory.
 */
public final class JdkHttpServerTarget {

    private static final int BACKLOG = 1024;

    private JdkHttpServerTarget() {
    }

    public static void main(String[] args) {
        TargetMain.run(args, app());
    }

    static TargetApp app() {
        return TargetApp.http1("jdk.httpserver", Runtime.version().toString(), listen -> start(listen.port()));
    }

    private static AutoCloseable start(int port) throws IOException {
        ManualRoutes routes = new ManualRoutes(TemplatePage.load());
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), BACKLOG);
        ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
        server.setExecutor(executor);
        server.createContext("/", exchange -> handle(routes, exchange));
        server.createContext(StaticFiles.URL_PREFIX + "/",
                SimpleFileServer.createFileHandler(StaticFiles.extractedDirectory()));
        server.start();
        return () -> {
            server.stop(0);
            executor.close();
        };
    }

    private static void handle(ManualRoutes routes, HttpExchange exchange) throws IOException {
        try (exchange) {
            ManualRoutes.Reply reply = routes.reply(exchange.getRequestMethod(), exchange.getRequestURI().getPath());
            exchange.getResponseHeaders().set("Content-Type", reply.contentType());
            exchange.sendResponseHeaders(reply.status(), reply.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply.body());
            }
        }
    }
}
