package org.fwbench.targets;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a target serves its port, chosen by a command-line flag: HTTP/1.1 in cleartext by default, or with
 * HTTP/2 beside it.
 */
public enum Transport {
    /** Cleartext HTTP/1.1 only: what every target serves without a flag. */
    HTTP1(null, "HTTP/1.1"),
    /** Cleartext HTTP/1.1 and HTTP/2 on the same port: h2c with prior knowledge (and by Upgrade where the framework has it). */
    H2C("--h2c", "HTTP/1.1 and h2c"),
    /** TLS with a self-signed certificate made at start; h2 and http/1.1 offered by ALPN, h2 preferred. */
    TLS("--tls", "TLS: h2 and http/1.1 by ALPN");

    private final String flag;
    private final String description;

    Transport(String flag, String description) {
        this.flag = flag;
        this.description = description;
    }

    /** The command-line flag that asks for it; none for {@link #HTTP1}. */
    public Optional<String> flag() {
        return Optional.ofNullable(flag);
    }

    /** What the start line says is served, e.g. {@code TLS: h2 and http/1.1 by ALPN}. */
    public String description() {
        return description;
    }

    /** The transport a flag asks for, if it is one. */
    static Optional<Transport> ofFlag(String text) {
        return Arrays.stream(values()).filter(t -> text.equals(t.flag)).findFirst();
    }
}
