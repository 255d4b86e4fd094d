package org.fwbench.server;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.fwbench.proc.ListeningSockets;
import org.fwbench.proc.ListeningSockets.Listener;
import org.fwbench.proc.ProcFs;

/**
 * The process that serves a local address: the listening socket on its port, then the processes that
 * hold that socket, then the topmost of them (nginx's master over its workers, which share the socket).
 * When it cannot be found or read the answer says why (remote host, another user's, not found, unreadable) in a
 * sentence for the user.
 */
final class PortOwner {

    /** The tree's root, or why there is none. */
    record Found(Long pid, NoProcess whyNot) {
        static Found pid(long pid) {
            return new Found(pid, null);
        }

        static Found not(NoProcess.Cause cause, String why) {
            return new Found(null, NoProcess.of(cause, why));
        }
    }

    private PortOwner() {
    }

    /**
     * Whether {@code host} is this machine: it resolves to a loopback or wildcard address or to one of this
     * machine's interfaces' addresses. Anything else is remote, whatever its name says.
     *
     * @throws UnknownHostException when it does not resolve
     */
    static boolean isLocal(String host) throws UnknownHostException {
        return isLocal(resolve(host));
    }

    static boolean isLocal(InetAddress address) {
        try {
            return address.isLoopbackAddress() || address.isAnyLocalAddress()
                    || NetworkInterface.getByInetAddress(address) != null;
        } catch (SocketException e) {
            return false;
        }
    }

    /** {@code api.example.org (203.0.113.5)}, or the address alone when the host is written as one. */
    static String resolvesTo(String host, InetAddress address) {
        String literal = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        return literal.equalsIgnoreCase(address.getHostAddress()) ? host : host + " (" + address.getHostAddress() + ")";
    }

    static InetAddress resolve(String host) throws UnknownHostException {
        return InetAddress.getByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
    }

    static Found find(InetAddress address, int port) {
        if (!ProcFs.isPresent()) {
            return Found.not(NoProcess.Cause.NOT_FOUND, "this system has no /proc to find the process listening on "
                    + "port " + port);
        }
        List<Listener> listeners = ListeningSockets.on(port).stream().filter(l -> l.accepts(address)).toList();
        if (listeners.isEmpty()) {
            return Found.not(NoProcess.Cause.NOT_FOUND, "no socket listens on port " + port + " in fwbench's network "
                    + "namespace (a container's or a VM's forwarded port?); name the server's process with --pid");
        }
        Set<Long> inodes = new LinkedHashSet<>();
        listeners.forEach(l -> inodes.add(l.inode()));
        Set<Long> holders = ListeningSockets.holders(inodes);
        if (holders.isEmpty()) {
            return notFound(listeners.getFirst().uid(), port);
        }
        // The topmost holder: the others are its children (or, with SO_REUSEPORT, strangers: the first wins).
        for (long pid : holders) {
            boolean parentHolds = ProcessHandle.of(pid).flatMap(ProcessHandle::parent)
                    .map(p -> holders.contains(p.pid())).orElse(false);
            if (!parentHolds) {
                return Found.pid(pid);
            }
        }
        return Found.pid(holders.iterator().next());
    }

    /**
     * Why a socket of user {@code uid} has no holder among the processes fwbench can see. Root reads every
     * process's fd folder in its PID namespace, so for root (as in most CI) the holder must live in another one;
     * for any other user, another user's process is the likely cause, and a process of its own user that it
     * cannot see is again another namespace's.
     */
    private static Found notFound(int uid, int port) {
        int own = ownUid();
        if (own != 0 && uid != own) {
            return Found.not(NoProcess.Cause.OTHER_USER, "port " + port + " belongs to another user's process (uid "
                    + uid + "): fwbench can read the memory only of its own user's processes; run fwbench as that user "
                    + "or as root");
        }
        return Found.not(NoProcess.Cause.NOT_FOUND, "no process fwbench can see holds the socket listening on port "
                + port + (own == 0 ? " although it runs as root" : "") + ": the server runs in another process "
                + "namespace (a container sharing this network?); name its process with --pid");
    }

    /** Why fwbench cannot read this process's memory, or null when it can; the process must be running. */
    static NoProcess unreadable(long pid) {
        if (!ProcFs.isPresent() || ProcFs.readBytes(pid, "smaps_rollup").isPresent()
                || ProcFs.readBytes(pid, "smaps").isPresent()) {
            return null;
        }
        int own = ownUid();
        int uid = uid(Path.of("/proc", Long.toString(pid)));
        if (own != 0 && uid != own) {
            return NoProcess.of(NoProcess.Cause.OTHER_USER, "process " + pid + " belongs to another user (uid " + uid
                    + "): fwbench can read the memory only of its own user's processes; run fwbench as that user or "
                    + "as root");
        }
        return NoProcess.of(NoProcess.Cause.UNREADABLE, "the memory of process " + pid + " could not be read"
                + (own == 0 ? " even as root: /proc refused it (a process that is not dumpable, one of another user "
                        + "namespace, or a security module's rule)" : ""));
    }

    private static int ownUid() {
        return uid(Path.of("/proc/self"));
    }

    /** The owner of a /proc folder, which is its process's user; -1 when unknown. */
    private static int uid(Path procFolder) {
        try {
            return (Integer) Files.getAttribute(procFolder, "unix:uid");
        } catch (IOException | UnsupportedOperationException e) {
            return -1;
        }
    }
}
