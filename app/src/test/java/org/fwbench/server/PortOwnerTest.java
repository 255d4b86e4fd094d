package org.fwbench.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which URLs are this machine, and what a process fwbench cannot read looks like, without any load. */
class PortOwnerTest {

    @Test
    void loopbackWildcardAndLocalhostAreThisMachine() throws Exception {
        assertThat(PortOwner.isLocal("127.0.0.1")).isTrue();
        assertThat(PortOwner.isLocal("127.0.0.2")).as("all of 127/8 is loopback").isTrue();
        assertThat(PortOwner.isLocal("[::1]")).isTrue();
        assertThat(PortOwner.isLocal("0.0.0.0")).isTrue();
        assertThat(PortOwner.isLocal("localhost")).isTrue();
    }

    @Test
    void anAddressOfOneOfThisMachinesInterfacesIsThisMachine() throws Exception {
        Optional<InetAddress> own = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(i -> Collections.list(i.getInetAddresses()).stream())
                .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress()).findFirst();
        assumeTrue(own.isPresent(), "this machine has an address besides loopback");

        assertThat(PortOwner.isLocal(own.get().getHostAddress())).isTrue();
    }

    /** Documentation addresses (RFC 5737, RFC 3849): never assigned to a machine, and literals need no DNS. */
    @Test
    void anAddressNoInterfaceHoldsIsRemote() throws Exception {
        assertThat(PortOwner.isLocal("192.0.2.7")).isFalse();
        assertThat(PortOwner.isLocal("[2001:db8::7]")).isFalse();
    }

    @Test
    void aRemoteHostIsNamedWithItsAddressUnlessItIsOne() throws Exception {
        assertThat(PortOwner.resolvesTo("192.0.2.7", PortOwner.resolve("192.0.2.7"))).isEqualTo("192.0.2.7");
        assertThat(PortOwner.resolvesTo("far.example", PortOwner.resolve("192.0.2.7")))
                .isEqualTo("far.example (192.0.2.7)");
    }

    @Test
    void fwbenchsOwnProcessIsReadable() {
        assertThat(PortOwner.unreadable(ProcessHandle.current().pid())).isNull();
    }

    /**
     * Process 1 is root's. Any other user is told it is another user's process; root usually reads it, and where
     * /proc refuses even root (a sandbox's init that is not dumpable, as in some CI containers) it is told that,
     * never that the process is another user's.
     */
    @Test
    void anotherUsersProcessIsNamedAsSuchAndRootReadsIt() throws IOException {
        assumeTrue(Files.isDirectory(Path.of("/proc/1")), "a Linux /proc");
        int own = (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        int initUid = (Integer) Files.getAttribute(Path.of("/proc/1"), "unix:uid");
        NoProcess why = PortOwner.unreadable(1);
        if (own == 0 && readable(Path.of("/proc/1/smaps_rollup"))) {
            assertThat(why).isNull();
        } else if (own == 0) {
            assertThat(why.cause()).isEqualTo(NoProcess.Cause.UNREADABLE);
            assertThat(why.detail()).startsWith("the memory of process 1 could not be read even as root");
        } else {
            assumeTrue(initUid != own, "process 1 is another user's");
            assertThat(why.cause()).isEqualTo(NoProcess.Cause.OTHER_USER);
            assertThat(why.detail()).startsWith("process 1 belongs to another user (uid " + initUid + ")");
        }
    }

    private static boolean readable(Path file) {
        try {
            Files.readAllBytes(file);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
