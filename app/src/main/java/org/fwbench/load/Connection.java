package org.fwbench.load;

import io.netty.buffer.ByteBuf;

/**
 * One HTTP/1.1 connection of a {@link User}, as the user sees it: made by a {@link Connector}, it reports
 * to its user ({@link User#ready}, {@link User#unreachable}, {@link User#received}, {@link User#broken},
 * {@link User#closed}), always naming itself, so the user can ignore connections it has let go. All its
 * methods run on the user's event loop.
 */
interface Connection {

    /** Starts connecting; the outcome goes to the user, possibly before this returns. */
    void open();

    /** Sends {@code request} (the loop's, not retained: it stays unchanged for the whole run). */
    void send(ByteBuf request);

    /** True until it closed: by {@link #close} or because the server closed it. */
    boolean isOpen();

    /** Closes it; idempotent. */
    void close();

    /** Makes the connections of a user. */
    interface Connector {
        Connection newConnection(User user);
    }
}
