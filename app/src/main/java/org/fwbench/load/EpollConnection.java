package org.fwbench.load;

import io.netty.buffer.ByteBuf;
import io.netty.channel.IoEvent;
import io.netty.channel.IoRegistration;
import io.netty.channel.epoll.EpollIoEvent;
import io.netty.channel.epoll.EpollIoHandle;
import io.netty.channel.epoll.EpollIoOps;
import io.netty.channel.epoll.LinuxSocket;
import io.netty.channel.unix.FileDescriptor;
import io.netty.util.concurrent.Future;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.ByteBuffer;

/**
 * A {@link User}'s cleartext connection on epoll, made by hand on Netty's {@code IoHandle} API instead of an
 * {@code EpollSocketChannel}. Hand-written because the channel was the bottleneck of the new-connection
 * path (a connection per request): measured against wrk on nginx, it cost 16 system calls per connection
 * (address look-ups, SO_ERROR, interest changes) and a pipeline, contexts, promises and a channel id, and
 * the client, not the server, was the limit (17-18k req/s where wrk made 22-29k). This one makes 7: socket,
 * getsockname (Netty's socket wrapper asks the family), connect, one epoll_ctl (Netty adds the descriptor with
 * its first interest, and this one asks once for all it will ever wait for, edge-triggered: in, out, closed
 * by the peer), send, recv and close (after the descriptor is closed the kernel drops it from epoll, so no
 * EPOLL_CTL_DEL). It writes the loop's request buffer from its memory address and reads into the loop's
 * buffer, which the user parses at once. Runs on its user's event loop.
 */
final class EpollConnection implements Connection, EpollIoHandle {

    private static final EpollIoOps INTEREST = EpollIoOps.EPOLLIN.with(EpollIoOps.EPOLLOUT).with(EpollIoOps.EPOLLRDHUP)
            .with(EpollIoOps.EPOLLET);
    private static final int IN = EpollIoOps.EPOLLIN.value();
    private static final int OUT = EpollIoOps.EPOLLOUT.value();
    private static final int ERR = EpollIoOps.EPOLLERR.value();
    private static final int RDHUP = EpollIoOps.EPOLLRDHUP.value();
    /** Not among Netty's constants: the socket is shut both ways (epoll.h). */
    private static final int HUP = 0x010;

    private final EpollConnector connector;
    private final User user;
    private LinuxSocket socket;
    private IoRegistration registration;
    private boolean connected;
    private boolean closed;
    private long start;
    /** The request being sent, and how much of it went out: a big one may take several writes. */
    private ByteBuf request;
    private int written;
    /** Requests sent while one was still going out (a server that answered before reading it all): they follow it. */
    private int queued;

    EpollConnection(EpollConnector connector, User user) {
        this.connector = connector;
        this.user = user;
    }

    @Override
    public void open() {
        start = System.nanoTime();
        try {
            socket = LinuxSocket.newSocketStream(connector.family); // non-blocking
            socket.connect(connector.run.address); // on loopback too it is in progress: the event says when it is done
            Future<IoRegistration> f = connector.eventLoop.register(this); // on the loop: done at once
            if (!f.isSuccess()) {
                throw new IOException("cannot register with epoll", f.cause());
            }
            registration = f.getNow();
            registration.submit(INTEREST);
        } catch (Exception e) {
            unreachable(e);
        }
    }

    @Override
    public FileDescriptor fd() {
        return socket;
    }

    @Override
    public void handle(IoRegistration r, IoEvent event) {
        if (closed) {
            return;
        }
        int ops = ((EpollIoEvent) event).ops().value();
        if (!connected) {
            if ((ops & OUT) == 0 || (ops & ERR) != 0) {
                unreachable(connectError());
                return;
            }
            connected();
            if (closed) {
                return;
            }
        } else if ((ops & OUT) != 0 && request != null) {
            flush();
            if (closed) {
                return;
            }
        }
        if ((ops & (IN | RDHUP | ERR | HUP)) != 0) {
            read((ops & (RDHUP | HUP)) != 0);
        }
    }

    private void connected() {
        connected = true;
        long established = System.nanoTime();
        connector.loop.open++;
        connector.run.connected();
        connector.loop.connected(start, established, 0, Protocol.HTTP_1_1, null);
        user.ready(this);
    }

    /** Why the connect failed: the socket's pending error, as Netty reports it for its channels. */
    private IOException connectError() {
        try {
            socket.finishConnect();
            return new ConnectException("connect failed");
        } catch (IOException e) {
            return e;
        }
    }

    private void unreachable(Exception cause) {
        close();
        connector.run.connectFailed(cause);
        user.unreachable(this, ErrorKind.CONNECT);
    }

    /**
     * Reads until the socket is empty (edge-triggered: no new event comes for bytes left behind), handing each
     * read to the user. A read shorter than the buffer emptied it; when the server had also closed
     * ({@code peerClosed}, known from the event) that is the end, without one more read to see it.
     */
    private void read(boolean peerClosed) {
        ByteBuf buf = connector.readBuffer;
        int capacity = buf.capacity();
        for (;;) {
            int n;
            try {
                if (buf.hasMemoryAddress()) {
                    n = socket.recvAddress(buf.memoryAddress(), 0, capacity);
                } else { // a JVM where Netty has no addresses: the buffer's view, at its place in the pooled memory
                    ByteBuffer view = buf.internalNioBuffer(0, capacity);
                    n = socket.recv(view, view.position(), view.limit());
                }
            } catch (IOException e) {
                close();
                user.broken(this, e);
                return;
            }
            if (n == 0) {
                return; // nothing more for now
            }
            if (n < 0) {
                serverClosed();
                return;
            }
            buf.setIndex(0, n);
            user.received(this, buf);
            if (closed) {
                return;
            }
            if (n < capacity) {
                if (peerClosed) {
                    serverClosed();
                }
                return;
            }
        }
    }

    private void serverClosed() {
        close();
        user.closed(this);
    }

    @Override
    public void send(ByteBuf request) {
        if (this.request != null) {
            queued++;
            return;
        }
        this.request = request;
        written = 0;
        flush();
    }

    /** Writes what is left of the request; when the socket is full, the next EPOLLOUT edge goes on. */
    private void flush() {
        ByteBuf r = request;
        int from = r.readerIndex();
        int to = r.writerIndex();
        try {
            while (from + written < to) {
                int n;
                if (r.hasMemoryAddress()) {
                    n = socket.sendAddress(r.memoryAddress(), from + written, to);
                } else {
                    ByteBuffer view = r.internalNioBuffer(from + written, to - from - written);
                    n = socket.send(view, view.position(), view.limit());
                }
                if (n == 0) {
                    return;
                }
                written += n;
                if (from + written == to && queued > 0) {
                    queued--;
                    written = 0;
                }
            }
            request = null;
        } catch (IOException e) {
            close();
            user.broken(this, e);
        }
    }

    @Override
    public boolean isOpen() {
        return !closed;
    }

    /** Also what Netty calls when its loop shuts down with the connection registered (cancelled by then). */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        request = null;
        if (connected) {
            connector.loop.open--;
        }
        if (registration != null && registration.isValid()) {
            connector.closeLater(this);
        } else {
            closeSocket(); // no event of it can be waiting
        }
    }

    /**
     * Closes the socket, then ends the registration: closing first spares the epoll_ctl call that removes
     * it (the kernel drops a closed descriptor from the epoll set).
     */
    void closeSocket() {
        try {
            if (socket != null) {
                socket.close();
            }
        } catch (IOException e) {
            // nothing to do: the descriptor is gone either way
        }
        if (registration != null) {
            registration.cancel();
        }
    }
}
