package org.fwbench.result;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Why a target's memory and CPU were not measured: fwbench did not start it and could not find or read its
 * process, or was told not to look. Its load figures (throughput, latency, errors) are measured as for any
 * other target; its memory and CPU figures are absent (null), never zero, and it takes no part in their rankings.
 *
 * @param reason what kept them from being measured, shown in every table
 * @param detail the whole sentence for the user, e.g. which host or which user's process
 */
public record NotMeasured(Reason reason, String detail) {

    /** A host that resolves to no address of this machine: its processes are out of reach. */
    public static NotMeasured remoteHost(String detail) {
        return new NotMeasured(Reason.REMOTE_HOST, detail);
    }

    /** The process is another user's: its memory cannot be read without that user's rights. */
    public static NotMeasured otherUser(String detail) {
        return new NotMeasured(Reason.OTHER_USER, detail);
    }

    /** No process here holds the socket: a container's or a VM's forwarded port, or no /proc at all. */
    public static NotMeasured notFound(String detail) {
        return new NotMeasured(Reason.NOT_FOUND, detail);
    }

    /** The process was found but its memory could not be read (a kernel that hides it, even from root). */
    public static NotMeasured unreadable(String detail) {
        return new NotMeasured(Reason.UNREADABLE, detail);
    }

    /** The user said {@code --pid NAME=none} or {@code pid: none}: load only. */
    public static NotMeasured pidNone() {
        return new NotMeasured(Reason.PID_NONE, "told not to look for its process");
    }

    /** {@code not measured (remote host)}: how a table cell says it. */
    public String label() {
        return "not measured (" + reason + ")";
    }

    /** The reason's few words, as tables and results.json write it. */
    public enum Reason {
        REMOTE_HOST("remote host"),
        OTHER_USER("process of another user"),
        NOT_FOUND("not found"),
        UNREADABLE("not readable"),
        PID_NONE("--pid none");

        private final String words;

        Reason(String words) {
            this.words = words;
        }

        @JsonValue
        @Override
        public String toString() {
            return words;
        }
    }
}
