package org.fwbench.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A string with {@code ${name}} placeholders, split into literal text and names. {@code $$} is a literal
 * dollar; a dollar followed by anything else is kept as it is, since commands are not shell strings.
 */
record Template(List<Part> parts) {

    /** What may stand between {@code ${} and {@code }}; variables are named the same way. */
    static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

    sealed interface Part {
    }

    record Text(String text) implements Part {
    }

    record Ref(String name) implements Part {
    }

    /** @throws SuiteException for an unclosed {@code ${} or a name that is not a name */
    static Template parse(String s) {
        List<Part> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '$' && i + 1 < s.length() && s.charAt(i + 1) == '$') {
                text.append('$');
                i += 2;
            } else if (c == '$' && i + 1 < s.length() && s.charAt(i + 1) == '{') {
                int end = s.indexOf('}', i + 2);
                if (end < 0) {
                    throw new SuiteException("unclosed '${' in " + Quote.of(s) + " (write $$ for a literal dollar)");
                }
                String name = s.substring(i + 2, end);
                if (!NAME.matcher(name).matches()) {
                    throw new SuiteException("'${" + name + "}' is not a placeholder name (letters, digits, _ . -)");
                }
                if (!text.isEmpty()) {
                    parts.add(new Text(text.toString()));
                    text.setLength(0);
                }
                parts.add(new Ref(name));
                i = end + 1;
            } else {
                text.append(c);
                i++;
            }
        }
        if (!text.isEmpty()) {
            parts.add(new Text(text.toString()));
        }
        return new Template(List.copyOf(parts));
    }

    /** The name when the whole template is one placeholder, the only place a list may be spliced. */
    Optional<String> soleName() {
        return parts.size() == 1 && parts.get(0) instanceof Ref ref ? Optional.of(ref.name()) : Optional.empty();
    }
}
