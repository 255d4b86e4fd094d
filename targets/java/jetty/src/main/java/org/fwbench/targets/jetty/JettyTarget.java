package org.fwbench.targets.jetty;

import java.nio.ByteBuffer;
import java.util.function.Function;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.pathmap.PathSpec;
import org.eclipse.jetty.http.pathmap.UriTemplatePathSpec;
import org.eclipse.jetty.http2.HTTP2Cipher;
import org.eclipse.jetty.http2.server.HTTP2CServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.server.handler.PathMappingsHandler;
import org.eclipse.jetty.server.handler.ResourceHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Jetty;
import org.eclipse.jetty.util.resource.ResourceFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.fwbench.targets.Hello;
import org.fwbench.targets.Listen;
import org.fwbench.targets.SelfSigned;
import org.fwbench.targets.StaticFiles;
import org.fwbench.targets.TargetApp;
import org.fwbench.targets.TargetMain;
import org.fwbench.targets.TemplatePage;
import org.fwbench.targets.Transport;

/** The routes as Jetty 12 core handlers; unmatched paths fall through to the server's 404. */
public final class JettyTarget {

    private static final UriTemplatePathSpec HELLO = new UriTemplatePathSpec("/hello/{name}");

    private JettyTarget() {
    }

    public static void main(String[] args) {
        TargetMain.run(args, app());
    }

    static TargetApp app() {
        return TargetApp.anyTransport("Jetty", Jetty.VERSION, JettyTarget::start);
    }

    private static AutoCloseable start(Listen listen) throws Exception {
        TemplatePage page = TemplatePage.load();
        Server server = new Server();
        ServerConnector connector = connector(server, listen.transport());
        connector.setHost("127.0.0.1");
        connector.setPort(listen.port());
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

    /**
     * HTTP/1.1 alone; or with h2c beside it on the same connector (Jetty tells the two apart by the HTTP/2
     * preface, and upgrades on request); or TLS with ALPN choosing h2 or http/1.1, the order of Jetty's docs.
     */
    private static ServerConnector connector(Server server, Transport transport) {
        HttpConfiguration config = new HttpConfiguration();
        return switch (transport) {
            case HTTP1 -> new ServerConnector(server, new HttpConnectionFactory(config));
            case H2C -> new ServerConnector(server, new HttpConnectionFactory(config),
                    new HTTP2CServerConnectionFactory(config));
            case TLS -> {
                config.addCustomizer(new SecureRequestCustomizer());
                SelfSigned certificate = SelfSigned.create();
                SslContextFactory.Server tls = new SslContextFactory.Server();
                tls.setKeyStore(certificate.keyStore());
                tls.setKeyStorePassword(new String(certificate.password()));
                tls.setCipherComparator(HTTP2Cipher.COMPARATOR);
                HttpConnectionFactory http1 = new HttpConnectionFactory(config);
                ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory();
                alpn.setDefaultProtocol(http1.getProtocol());
                yield new ServerConnector(server, new SslConnectionFactory(tls, alpn.getProtocol()), alpn,
                        new HTTP2ServerConnectionFactory(config), http1);
            }
        };
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
