package org.fwbench.targets.testkit;

import java.util.regex.Pattern;

/** Makes two renderings of one page comparable across engines that differ in whitespace and entity spelling. */
public final class Html {

    private static final Pattern QUOTE = Pattern.compile("&#(34|x22);", Pattern.CASE_INSENSITIVE);
    private static final Pattern APOSTROPHE = Pattern.compile("&#x27;", Pattern.CASE_INSENSITIVE);
    private static final Pattern BETWEEN_TAGS = Pattern.compile(">\\s+<");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private Html() {
    }

    /** Applies the rules of targets/common/README.md: one entity spelling, no whitespace between tags. */
    public static String normalise(String html) {
        String text = QUOTE.matcher(html).replaceAll("&quot;");
        text = APOSTROPHE.matcher(text).replaceAll("&#39;");
        text = BETWEEN_TAGS.matcher(text).replaceAll("><");
        return WHITESPACE.matcher(text).replaceAll(" ").strip();
    }
}
