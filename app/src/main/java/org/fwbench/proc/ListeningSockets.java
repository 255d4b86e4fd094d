package org.fwbench.proc;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The TCP sockets listening in this network namespace ({@code /proc/net/tcp} and {@code tcp6}), and the
 * processes that hold one ({@code /proc/PID/fd} links to {@code socket:[INODE]}): how fwbench finds the
 * process of a server it did not start. Another user's fd folders are unreadable, so their sockets are
 * listed with their owner's uid but without processes.
 */
public final class ListeningSockets {

    private static final Path ROOT = Path.of("/proc");
    /** The state column's value for LISTEN (include/net/tcp_states.h). */
    private static final String LISTEN = "0A";

    private ListeningSockets() {
    }

    /**
     * One listening socket.
     *
     * @param address the local address; the wildcard (0.0.0.0 or ::) when it listens on all
     * @param uid     the user that created it
     * @param inode   the socket's inode, as {@code /proc/PID/fd} links name it
     */
    public record Listener(InetAddress address, int port, int uid, long inode) {

        /** Whether a connection to {@code target} on this port would reach this socket. */
        public boolean accepts(InetAddress target) {
            return address.isAnyLocalAddress() || address.equals(target)
                    || address.isLoopbackAddress() && target.isLoopbackAddress();
        }
    }

    /** Every socket listening on {@code port}, IPv4 first; empty without /proc. */
    public static List<Listener> on(int port) {
        List<Listener> found = new ArrayList<>();
        for (String table : List.of("net/tcp", "net/tcp6")) {
            ProcFs.readSystem(table).ifPresent(text -> text.lines().skip(1)
                    .map(ListeningSockets::parse)
                    .flatMap(Optional::stream)
                    .filter(l -> l.port() == port)
                    .forEach(found::add));
        }
        return found;
    }

    /** A line of /proc/net/tcp or tcp6 when it is a listening socket. */
    static Optional<Listener> parse(String line) {
        String[] f = line.trim().split("\\s+");
        if (f.length < 10 || !f[3].equals(LISTEN)) {
            return Optional.empty();
        }
        int colon = f[1].indexOf(':');
        try {
            InetAddress address = address(f[1].substring(0, colon));
            int port = Integer.parseInt(f[1].substring(colon + 1), 16);
            return Optional.of(new Listener(address, port, Integer.parseInt(f[7]), Long.parseLong(f[9])));
        } catch (UnknownHostException | NumberFormatException | StringIndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    /** The kernel prints each 32-bit word of the address in host (little-endian) order. */
    private static InetAddress address(String hex) throws UnknownHostException {
        byte[] raw = HexFormat.of().parseHex(hex);
        byte[] bytes = new byte[raw.length];
        for (int word = 0; word < raw.length; word += 4) {
            for (int i = 0; i < 4; i++) {
                bytes[word + i] = raw[word + 3 - i];
            }
        }
        return InetAddress.getByAddress(bytes);
    }

    /** The processes holding one of these socket inodes, as far as their fd folders are readable. */
    public static Set<Long> holders(Set<Long> inodes) {
        Set<String> links = new LinkedHashSet<>();
        inodes.forEach(inode -> links.add("socket:[" + inode + "]"));
        Set<Long> pids = new LinkedHashSet<>();
        for (long pid : ProcFs.pids()) {
            try (Stream<Path> fds = Files.list(ROOT.resolve(Long.toString(pid)).resolve("fd"))) {
                if (fds.anyMatch(fd -> links.contains(linkOf(fd)))) {
                    pids.add(pid);
                }
            } catch (IOException | SecurityException e) {
                // Another user's process, or one that ended while we listed.
            }
        }
        return pids;
    }

    private static String linkOf(Path fd) {
        try {
            return Files.readSymbolicLink(fd).toString();
        } catch (IOException e) {
            return "";
        }
    }
}
