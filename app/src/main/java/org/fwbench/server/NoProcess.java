package org.fwbench.server;

/**
 * Why the process of a server found running cannot be measured: its load can be, its memory and CPU cannot.
 *
 * @param cause  what stands in the way
 * @param detail a sentence for the user: which host, which user, what to do about it
 */
public record NoProcess(Cause cause, String detail) {

    /** What stands between fwbench and the server's process. */
    public enum Cause {
        /** The URL's host is not this machine. */
        REMOTE_HOST,
        /** The process belongs to another user, whose /proc files fwbench's user cannot read. */
        OTHER_USER,
        /** No process fwbench can see holds the socket: another network or PID namespace, or no /proc. */
        NOT_FOUND,
        /** The process was found, and its memory could still not be read. */
        UNREADABLE
    }

    static NoProcess of(Cause cause, String detail) {
        return new NoProcess(cause, detail);
    }
}
