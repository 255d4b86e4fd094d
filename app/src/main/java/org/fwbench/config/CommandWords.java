package org.fwbench.config;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command typed as one string ({@code --server 'flask=python3 app.py ${port}'}) into the words a
 * POSIX shell would pass as its argv: blanks separate words, single quotes keep everything literally, double
 * quotes keep blanks and honour backslash before {@code " \ $ `}, a backslash outside quotes keeps the next
 * character. Nothing else of a shell happens (no variables, globs, pipes or redirections): the words are run
 * as an argv, and {@code ${port}} stays for {@link Placeholders}. Hand-written because the libraries at hand
 * (commons-exec, commons-text) split differently from a shell around quotes and backslashes.
 */
public final class CommandWords {

    private CommandWords() {
    }

    /** @throws SuiteException on an unclosed quote or a trailing backslash */
    public static List<String> split(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (c == '\'') {
                int end = command.indexOf('\'', i + 1);
                if (end < 0) {
                    throw new SuiteException("unclosed ' in: " + command);
                }
                word.append(command, i + 1, end);
                i = end;
                inWord = true;
            } else if (c == '"') {
                i = doubleQuoted(command, i + 1, word);
                inWord = true;
            } else if (c == '\\') {
                if (i + 1 == command.length()) {
                    throw new SuiteException("a command cannot end with a backslash: " + command);
                }
                word.append(command.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return List.copyOf(words);
    }

    /** Appends the double-quoted text starting at {@code from}; returns the index of the closing quote. */
    private static int doubleQuoted(String command, int from, StringBuilder word) {
        for (int i = from; i < command.length(); i++) {
            char c = command.charAt(i);
            if (c == '"') {
                return i;
            }
            if (c == '\\' && i + 1 < command.length() && "\"\\$`".indexOf(command.charAt(i + 1)) >= 0) {
                c = command.charAt(++i);
            }
            word.append(c);
        }
        throw new SuiteException("unclosed \" in: " + command);
    }
}
