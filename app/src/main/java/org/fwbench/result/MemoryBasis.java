package org.fwbench.result;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collection;
import java.util.Locale;
import java.util.Objects;

/**
 * Which figure memory is compared by: PSS (shared pages divided among their sharers) where the system tells
 * it for every reading, else RSS for all of them, so that the figures compare. Written as {@code pss} or
 * {@code rss}.
 */
public enum MemoryBasis {
    PSS, RSS;

    /** PSS when every one of these PSS readings is known, else RSS. */
    public static MemoryBasis of(Collection<Long> pssReadings) {
        return pssReadings.stream().allMatch(Objects::nonNull) ? PSS : RSS;
    }

    /** PSS where this one reading has it, else its RSS: the figure of a single reading. */
    public static long preferred(Long pssBytes, long rssBytes) {
        return pssBytes != null ? pssBytes : rssBytes;
    }

    /** The figure this basis follows; null when it is PSS and that is unknown. */
    public Long of(Long pssBytes, long rssBytes) {
        return this == PSS ? pssBytes : Long.valueOf(rssBytes);
    }

    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
