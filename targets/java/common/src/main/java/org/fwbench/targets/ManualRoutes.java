package org.fwbench.targets;


/**
 * Routing by hand, for the servers that have no router (the JDK's HttpServer, raw Netty); static files are
 * left to each server. Every call builds its body afresh, as a router's handler would.
 */
public final class ManualRoutes {

    /** A complete response: status, Content-Type and body. */
    public record Reply(int status, String contentType, byte[] body) {
    }

    public static final String HELLO_PREFIX = "/hello/";

    private static final Reply NOT_FOUND = new Reply(404, Hello.TEXT_PLAIN, Hello.utf8("Not Found"));
    private static final Reply NOT_ALLOWED = new Reply(405, Hello.TEXT_PLAIN, Hello.utf8("Method Not Allowed"));

    private final TemplatePage page;

    public ManualRoutes(TemplatePage page) {
        this.page = page;
    }

    /** The reply to a request for {@code path}, already percent-decoded and without its query. */
    public Reply reply(String method, String path) {
        if (!method.equals("GET")) {
            return NOT_ALLOWED;
        }
        return switch (path) {
            case "/plaintext" -> ok(Hello.TEXT_PLAIN, Hello.utf8(Hello.PLAINTEXT));
            case "/json" -> ok(Hello.APPLICATION_JSON, Hello.jacksonJson());
            case "/template" -> ok(TemplatePage.CONTENT_TYPE, Hello.utf8(page.render()));
            default -> isHello(path)
                    ? ok(Hello.TEXT_PLAIN, Hello.utf8(Hello.greeting(path.substring(HELLO_PREFIX.length()))))
                    : NOT_FOUND;
        };
    }

    /** {@code /hello/{name}} with a non-empty name of one path segment. */
    private static boolean isHello(String path) {
        return path.startsWith(HELLO_PREFIX) && path.length() > HELLO_PREFIX.length()
                && path.indexOf('/', HELLO_PREFIX.length()) < 0;
    }

    private static Reply ok(String contentType, byte[] body) {
        return new Reply(200, contentType, body);
    }
}
