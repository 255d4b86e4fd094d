package org.fwbench.load;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.EventLoop;
import io.netty.channel.IoEventLoop;
import io.netty.channel.socket.SocketProtocolFamily;
import java.util.ArrayList;
import java.util.List;

/**
 * What the {@link EpollConnection}s of one event loop share: the loop, the buffer every read lands in (each is
 * parsed before the next), and the closes put off until the loop's current batch of epoll events is handled.
 * Only the loop's thread touches it.
 */
final class EpollConnector implements Connection.Connector, Runnable {

    /** Bytes read per system call: Netty's receive buffer grows to the same at most. */
    private static final int READ_BUFFER = 64 * 1024;

    final Loop loop;
    final IoEventLoop eventLoop;
    final Load run;
    final SocketProtocolFamily family;
    /** Where every connection of the loop reads into; only ever read between two reads. */
    final ByteBuf readBuffer;
    private final List<EpollConnection> closing = new ArrayList<>();

    private EpollConnector(Loop loop, IoEventLoop eventLoop, Load run) {
        this.loop = loop;
        this.eventLoop = eventLoop;
        this.run = run;
        this.family = Load.family(run.address);
        this.readBuffer = PooledByteBufAllocator.DEFAULT.directBuffer(READ_BUFFER, READ_BUFFER);
    }

    /** The connector of {@code loop} when its run can use raw epoll connections (cleartext HTTP/1.1 on epoll), else null. */
    static EpollConnector of(Loop loop, EventLoop eventLoop, Load run) {
        boolean usable = run.tls == null && !run.h2 && eventLoop instanceof IoEventLoop io && io.isCompatible(EpollConnection.class);
        return usable ? new EpollConnector(loop, (IoEventLoop) eventLoop, run) : null;
    }

    @Override
    public Connection newConnection(User user) {
        return new EpollConnection(this, user);
    }

    /**
     * Closes {@code c}'s socket once the events epoll returned with the current batch are handled. Closed at
     * once, its descriptor's number could be given to a socket opened later in the same batch, and an event
     * of the old socket still waiting in the batch would reach the new one (Netty's handler finds the
     * registration by that number).
     */
    void closeLater(EpollConnection c) {
        if (closing.isEmpty()) {
            eventLoop.execute(this);
        }
        closing.add(c);
    }

    /** Closes the sockets put off: a task, so it runs after the loop's batch of events. */
    @Override
    public void run() {
        for (int i = 0; i < closing.size(); i++) {
            closing.get(i).closeSocket();
        }
        closing.clear();
    }

    /** End of the run (its connections are closed or about to be). */
    void release() {
        readBuffer.release();
    }
}
