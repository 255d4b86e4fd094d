package org.fwbench.config;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts HTML in a form where the output of different template engines compares equal when it means the
 * same: whitespace is collapsed and dropped next to tags, a character reference to one of the five
 * characters HTML escapes ({@code & < > " '}) is written one way, and any other reference becomes its
 * character, since escaping it is optional. A literal {@code <} stays a {@code <}, so unescaped output
 * still differs from escaped output.
 */
final class Html {

    private static final Pattern REFERENCE = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z]+);");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern SPACE_BY_TAG = Pattern.compile(" ?([<>]) ?");
    private static final Map<String, Integer> NAMED = Map.of("quot", 34, "apos", 39, "amp", 38, "lt", 60, "gt", 62,
            "nbsp", 160);
    private static final Map<Integer, String> ESCAPED = Map.of(34, "&quot;", 39, "&#39;", 38, "&amp;", 60, "&lt;",
            62, "&gt;");

    private Html() {
    }

    static String normalise(String html) {
        Matcher m = REFERENCE.matcher(html);
        String references = m.replaceAll(r -> Matcher.quoteReplacement(canonical(r.group(1), r.group())));
        String spaced = WHITESPACE.matcher(references).replaceAll(" ");
        return SPACE_BY_TAG.matcher(spaced).replaceAll("$1").trim();
    }

    private static String canonical(String reference, String asWritten) {
        Integer codePoint;
        if (reference.startsWith("#x") || reference.startsWith("#X")) {
            codePoint = Integer.parseInt(reference.substring(2), 16);
        } else if (reference.startsWith("#")) {
            codePoint = Integer.parseInt(reference.substring(1));
        } else {
            codePoint = NAMED.get(reference);
        }
        if (codePoint == null || !Character.isValidCodePoint(codePoint)) {
            return asWritten;
        }
        return ESCAPED.getOrDefault(codePoint, Character.toString(codePoint));
    }
}
