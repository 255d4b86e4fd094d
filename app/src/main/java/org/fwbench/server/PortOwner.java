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
 * When it cannot be found the answer says why in a sentence for the user.
 */
final class PortOwner {

    /** The tree's root, or null with the reason. */
    record Found(Long pid, String whyNot) {
        static Found pid(long pid) {
            return new Found(pid, null);
        }

        static Found not(String why) {
            return new Found(null, why);
        }
    }

    private PortOwner() {
    }

    /** Whether {@code host} is this machine: a loopback address or one of its interfaces'. */
    static boolean isLocal(InetAddress address) {
        try {
            return address.isLoopbackAddress() || address.isAnyLocalAddress()
                    || NetworkInterface.getByInetAddress(address) != null;
        } catch (SocketException e) {
            return false;
        }
    }

    static InetAddress resolve(String host) throws UnknownHostException {
        return InetAddress.getByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
    }

    static Found find(InetAddress address, int port) {
        if (!ProcFs.isPresent()) {
            return Found.not("this system has no /proc to find the process listening on port " + port);
        }
        List<Listener> listeners = ListeningSockets.on(port).stream().filter(l -> l.accepts(address)).toList();
        if (listeners.isEmpty()) {
            return Found.not("no socket listens on port " + port + " in fwbench's network namespace (a container's "
                    + "or a VM's forwarded port?); name the server's process with --pid");
        }
        Set<Long> inodes = new LinkedHashSet<>();
        listeners.forEach(l -> inodes.add(l.inode()));
        Set<Long> holders = ListeningSockets.holders(inodes);
        if (holders.isEmpty()) {
            int uid = listeners.getFirst().uid();
            return Found.not(uid == ownUid() ? "the process listening on port " + port + " could not be read"
                    : "port " + port + " belongs to another user's process (uid " + uid + "): fwbench can read the "
                            + "memory only of its own user's processes; run fwbench as that user");
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

    /** Why fwbench cannot read this process's memory, or null when it can. */
    static String unreadable(long pid) {
        if (!ProcFs.isRunning(pid)) {
            return "process " + pid + " is not running";
        }
        if (ProcFs.isPresent() && ProcFs.readBytes(pid, "smaps_rollup").isEmpty()
                && ProcFs.readBytes(pid, "smaps").isEmpty()) {
            return "process " + pid + " belongs to another user: fwbench can read the memory only of its own "
                    + "user's processes";
        }
        return null;
    }

    private static int ownUid() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException | UnsupportedOperationException e) {
            return -1;
        }
    }
}
