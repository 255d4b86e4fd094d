package org.fwbench.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.RecvByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;

/** How many reads a connection makes of a socket that holds one response, through Netty's own read handle. */
class H2ConnectionReadsTest {

    private static final int RESPONSE = 90; // bytes: a HEADERS and a DATA frame
    private static final int BUFFER = 2048;

    @Test
    void withOneStreamTheReadingEndsAtTheResponseAndTheNextRequestGoesAtOnce() {
        assertThat(readsOfOneResponse(H2Connection.reads(1))).isEqualTo(1);
    }

    @Test
    void withManyStreamsTheSocketIsReadUntilEmptySoThatResponsesArrivingMeanwhileFreeTheirStreamsInOneBatch() {
        assertThat(readsOfOneResponse(H2Connection.reads(10))).isEqualTo(2);
    }

    /** Reads as Netty's channels do: until a read finds nothing or the handle says to stop. */
    private static int readsOfOneResponse(RecvByteBufAllocator allocator) {
        EmbeddedChannel channel = new EmbeddedChannel(); // only for its config, which the handle reads
        RecvByteBufAllocator.Handle handle = allocator.newHandle();
        handle.reset(channel.config());
        int reads = 0;
        int waiting = RESPONSE;
        do {
            reads++;
            handle.attemptedBytesRead(BUFFER);
            handle.lastBytesRead(Math.min(waiting, BUFFER));
            waiting -= handle.lastBytesRead();
            if (handle.lastBytesRead() == 0) {
                break;
            }
            handle.incMessagesRead(1);
        } while (handle.continueReading());
        handle.readComplete();
        channel.close();
        return reads;
    }
}
