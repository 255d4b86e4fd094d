package org.fwbench.targets.jetty;

import java.nio.ByteBuffer;
import java.util.function.Function;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.pathmap.PathSpec;
import org.eclipse.jetty.http.pathmap.UriTemplatePathSpec;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.PathMappingsHandler;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Jetty;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.fwbench.targets.Hello;
import org.fwbench.targets.StaticFiles;
import org.fwbench.targets.TargetApp;
import org.fwbench.targets.TargetMain;
import org.fwbench.targets.TemplatePage;

/** The routes as Jetty 12 core handlers; unmatched paths fall through to the server's 404. */
public final class JettyTarget {

    private static final UriTemplatePathSpec HELLO = new UriTemplatePathSpec("/hello/{name}");

    private JettyTarget() {
    }

    public static void main(String[] args) {
        TargetMain.run(args, app());
    }

    static TargetApp app() {
        return new TargetApp("Jetty", Jetty.VERSION, JettyTarget::start);
    }

    private static AutoCloseable start(int port) throws Exception {
        TemplatePage page = TemplatePage.load();
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);

        PathMappingsHandler routes = new PathMappingsHandler();
        routes.addMapping(PathSpec.from("/plaintext"),
                respond(Hello.TEXT_PLAIN, request -> Hello.utf8(Hello.PLAINTEXT)));
        routes.addMapping(PathSpec.from("/json"), respond(Hello.APPLICATION_JSON, request -> Hello.jacksonJson()));
        routes.addMapping(HELLO, respond(Hello.TEXT_PLAIN, request -> Hello.utf8(Hello.greeting(
                HELLO.getPathParams(request.getHttpURI().getDecodedPath()).get("name")))));
        routes.addMapping(PathSpec.from("/template"),
                respond(TemplatePage.CONTENT_TYPE, request -> Hello.utf8(page.render())));
        routes.addMapping(PathSpec.from(StaticFiles.URL_PREFIX + "/*"), staticFiles(server));
        server.setHandler(routes);
        server.start();
        return server::stop;
    }

    private static Handler staticFiles(Server server) {
        ResourceHandler files = new ResourceHandler();
        files.setBaseResource(ResourceFactory.of(server).newClassLoaderResource(StaticFiles.CLASSPATH_DIR));
        files.setDirAllowed(false);
        return new ContextHandler(files, StaticFiles.URL_PREFIX);
    }

    /** A GET handler whose body is built per request. */
    private static Handler respond(String contentType, Function<Request, byte[]> body) {
        return new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                if (!request.getMethod().equals("GET")) {
                    return false;
                }
                byte[] bytes = body.apply(request);
                response.setStatus(200);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, contentType);
                response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
                response.write(true, ByteBuffer.wrap(bytes), callback);
                return true;
            }
        };
    }
}
