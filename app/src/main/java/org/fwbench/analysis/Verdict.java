package org.fwbench.analysis;

import java.util.List;

/**
 * What one scenario's measurements say, in words every renderer shows alike.
 *
 * @param answer the one-line answer ("undertow: 1.90x (1.62-2.23) the req/s of netty; least memory: jdk-httpserver");
 *               empty when nothing was measured
 * @param ranked false when the targets were measured once each: no interval, so no ranks
 * @param notes  at most one line per target: what not to take at face value, and why
 */
public record Verdict(String scenario, String answer, boolean ranked, List<String> notes) {

    public Verdict {
        notes = List.copyOf(notes);
    }
}
