package org.fwbench.proc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ListeningSocketsTest {

    @Test
    void readsAListeningLineOfTcpAndTcp6() throws Exception {
        var v4 = ListeningSockets.parse("   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  "
                + "1000        0 38257 1 000000000d7805bb 100 0 0 10 0");
        assertThat(v4).contains(new ListeningSockets.Listener(InetAddress.getByName("127.0.0.1"), 8080, 1000, 38257));
        var v6 = ListeningSockets.parse("   1: 00000000000000000000000001000000:0050 00000000000000000000000000000000:0000 "
                + "0A 00000000:00000000 00:00000000 00000000     0        0 99 1 0000000000000000 100 0 0 10 0");
        assertThat(v6).contains(new ListeningSockets.Listener(InetAddress.getByName("::1"), 80, 0, 99));
        assertThat(ListeningSockets.parse("   2: 0100007F:1F90 0100007F:9C40 01 00000000:00000000 00:00000000 "
                + "00000000  1000 0 12 1")).as("an established connection is no listener").isEmpty();
        assertThat(v4.orElseThrow().accepts(InetAddress.getByName("127.0.0.1"))).isTrue();
        assertThat(new ListeningSockets.Listener(InetAddress.getByName("0.0.0.0"), 80, 0, 1)
                .accepts(InetAddress.getByName("127.0.0.1"))).isTrue();
        assertThat(v4.orElseThrow().accepts(InetAddress.getByName("10.1.2.3"))).isFalse();
    }

    @Test
    void findsTheSocketOfAPortAndTheProcessHoldingIt() throws Exception {
        assumeTrue(ProcFs.isPresent(), "Linux /proc");
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<ListeningSockets.Listener> found = ListeningSockets.on(server.getLocalPort());

            assertThat(found).hasSize(1);
            assertThat(found.getFirst().address().isLoopbackAddress()).isTrue();
            assertThat(ListeningSockets.holders(Set.of(found.getFirst().inode())))
                    .containsExactly(ProcessHandle.current().pid());
        }
    }
}
