package org.fwbench.targets;

/** The port a target listens on, taken from its first command-line argument. */
public final class Port {

    private Port() {
    }

    /**
     * Returns the port in {@code args[0]}.
     *
     * @throws IllegalArgumentException with a one-line message when it is missing or not a port number
     */
    public static int fromArgs(String[] args) {
        if (args.length == 0) {
            throw new IllegalArgumentException("missing PORT argument (usage: PORT | --version)");
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
        return port;
    }
}
