package org.fwbench.config;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A Content-Type value reduced to what the response check compares: the type and the parameters. */
record MediaType(String type, Map<String, String> parameters) {

    static MediaType parse(String value) {
        String[] parts = value.split(";");
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            if (eq > 0) {
                String v = parts[i].substring(eq + 1).trim();
                if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
                    v = v.substring(1, v.length() - 1);
                }
                parameters.put(parts[i].substring(0, eq).trim().toLowerCase(Locale.ROOT), v);
            }
        }
        return new MediaType(parts[0].trim().toLowerCase(Locale.ROOT), parameters);
    }

    /** Same type, and every parameter {@code expected} names has the same value here (case aside). */
    boolean satisfies(MediaType expected) {
        return type.equals(expected.type) && expected.parameters.entrySet().stream()
                .allMatch(p -> p.getValue().equalsIgnoreCase(parameters.getOrDefault(p.getKey(), "")));
    }
}
