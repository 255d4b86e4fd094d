package org.fwbench.suite;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;

/** "Did you mean" for a misspelt key or name: the closest known word within a small edit distance. */
final class Suggestions {

    private Suggestions() {
    }

    /** {@code " (did you mean 'x'?)"} with {@code x} between {@code before} and {@code after}, or "" when nothing is close. */
    static String didYouMean(String word, Collection<String> known, String before, String after) {
        return known.stream()
                .filter(k -> distance(word.toLowerCase(Locale.ROOT), k.toLowerCase(Locale.ROOT)) <= limit(word))
                .min(Comparator.comparingInt(k -> distance(word, k)))
                .map(k -> " (did you mean " + before + k + after + "?)")
                .orElse("");
    }

    static String didYouMean(String word, Collection<String> known) {
        return didYouMean(word, known, "'", "'");
    }

    /** Short words need a closer match than long ones, or every two-letter key would suggest another. */
    private static int limit(String word) {
        return word.length() <= 3 ? 1 : word.length() <= 6 ? 2 : 3;
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
