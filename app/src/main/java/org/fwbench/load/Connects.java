package org.fwbench.load;

import java.util.List;
import org.HdrHistogram.Histogram;
import org.fwbench.stats.Histograms;
import org.fwbench.stats.LatencySummary;

/**
 * One event loop's record of its connections: what each spoke and, for those begun in the measured window,
 * the time each took to connect and to finish its TLS handshake. Only the loop's thread touches it.
 */
final class Connects {

    private final Histogram connect = Histograms.newMicros();
    private final Histogram handshake = Histograms.newMicros();
    private final long[] protocols = new long[Protocol.values().length];
    private String tlsVersion;

    /**
     * A connection was made: its connect began at {@code start}, TCP was up at {@code established} and, over
     * TLS, the handshake ended at {@code secured} (else 0). Its times count when {@code timed}.
     */
    void add(long start, long established, long secured, Protocol protocol, String version, boolean timed) {
        protocols[protocol.ordinal()]++;
        if (secured != 0) {
            tlsVersion = tlsVersion == null || tlsVersion.equals(version) ? version : LoadResult.Transport.MIXED;
        }
        if (timed) {
            connect.recordValue(Loop.micros(established - start));
            if (secured != 0) {
                handshake.recordValue(Loop.micros(secured - established));
            }
        }
    }

    /** The loops' records as one; {@code tlsProvider} null for cleartext. */
    static LoadResult.Transport transport(List<Connects> loops, String tlsProvider) {
        Histogram connect = Histograms.newMicros();
        Histogram handshake = Histograms.newMicros();
        long[] protocols = new long[Protocol.values().length];
        String version = null;
        for (Connects c : loops) {
            connect.add(c.connect);
            handshake.add(c.handshake);
            for (int i = 0; i < protocols.length; i++) {
                protocols[i] += c.protocols[i];
            }
            if (c.tlsVersion != null) {
                version = version == null || version.equals(c.tlsVersion) ? c.tlsVersion : LoadResult.Transport.MIXED;
            }
        }
        String protocol = null;
        for (Protocol p : Protocol.values()) {
            if (protocols[p.ordinal()] > 0) {
                protocol = protocol == null ? p.key() : LoadResult.Transport.MIXED;
            }
        }
        boolean any = connect.getTotalCount() > 0;
        boolean tls = tlsProvider != null && handshake.getTotalCount() > 0;
        return new LoadResult.Transport(protocol, tlsProvider, version, any ? LatencySummary.ofMicros(connect) : null,
                tls ? LatencySummary.ofMicros(handshake) : null, any ? Histograms.encode(connect) : null,
                tls ? Histograms.encode(handshake) : null);
    }
}
