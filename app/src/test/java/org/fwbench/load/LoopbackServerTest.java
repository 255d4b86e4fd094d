package org.fwbench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The HTTP/1.1 warm-up's server, spoken to over a raw socket. */
class LoopbackServerTest {

    private static final byte[] GET = "GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    @Test
    void answersInLengthsThatLeaveEveryRemainderOfEight() throws IOException {
        try (LoopbackServer server = new LoopbackServer(1);
                Socket s = new Socket(server.url().getHost(), server.url().getPort())) {
            Set<Integer> remainders = new TreeSet<>();
            for (int i = 0; i < 8; i++) {
                s.getOutputStream().write(GET);
                String response = readResponse(s.getInputStream());
                assertThat(response).startsWith("HTTP/1.1 200 OK\r\n").endsWith("\r\n\r\nhello world\n")
                        .contains("Connection: keep-alive\r\n");
                remainders.add(response.length() % 8);
            }
            // Netty's line search branches on a multiple of 8 bytes left (see LoopbackServer.LENGTHS)
            assertThat(remainders).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        }
    }

    /** One response: its head up to the blank line and the 12-byte body it announces. */
    private static String readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (!out.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            assertThat(b).as("a byte of the response head").isNotNegative();
            out.write(b);
        }
        out.writeBytes(in.readNBytes(12));
        return out.toString(StandardCharsets.US_ASCII);
    }
}
