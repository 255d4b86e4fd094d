package org.fwbench.units;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Points in time as people and scripts type them: ISO-8601 with a zone ({@code 2026-11-29T10:15:00Z},
 * {@code 2026-11-29T11:15:00+01:00}) or epoch seconds ({@code 1795860900}, {@code 1795860900.5}, what
 * {@code date +%s} prints). A time without a zone is refused: it would mean different instants on machines
 * in different zones.
 */
public final class Instants {

    private static final Pattern EPOCH_SECONDS = Pattern.compile("\\d{1,12}(\\.\\d{1,9})?");

    private Instants() {
    }

    public static Instant parse(String text) {
        String t = text.trim();
        if (EPOCH_SECONDS.matcher(t).matches()) {
            BigDecimal seconds = new BigDecimal(t);
            return Instant.ofEpochSecond(seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
        }
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidValueException("'" + text + "' is not a time with a zone or epoch seconds"
                    + " (examples: 2026-11-29T10:15:00Z, 1795860900)");
        }
    }
}
