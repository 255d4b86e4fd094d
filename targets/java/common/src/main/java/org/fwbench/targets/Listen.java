package org.fwbench.targets;

/**
 * Where and how a target serves: a port on 127.0.0.1 and its {@link Transport}, from the command line
 * {@code PORT [--h2c | --tls]}.
 */
public record Listen(int port, Transport transport) {

    static final String USAGE = "usage: PORT [--h2c | --tls] | --version";

    /** Cleartext HTTP/1.1 on {@code port}. */
    public static Listen http1(int port) {
        return new Listen(port, Transport.HTTP1);
    }

    /**
     * Reads {@code PORT [--h2c | --tls]}.
     *
     * @throws IllegalArgumentException with a one-line message when the port is missing or wrong, or a flag is unknown
     */
    public static Listen fromArgs(String[] args) {
        if (args.length == 0) {
            throw new IllegalArgumentException("missing PORT argument (" + USAGE + ")");
        }
        if (args.length > 2) {
            throw new IllegalArgumentException("too many arguments (" + USAGE + ")");
        }
        int port;
        try {
            port = Integer.parseInt(args[0]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a port number: '" + args[0] + "'");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range 1-65535: " + port);
        }
        if (args.length == 1) {
            return http1(port);
        }
        Transport transport = Transport.ofFlag(args[1]).orElseThrow(() -> new IllegalArgumentException(
                "unknown option '" + args[1] + "' (" + USAGE + ")"));
        return new Listen(port, transport);
    }
}
