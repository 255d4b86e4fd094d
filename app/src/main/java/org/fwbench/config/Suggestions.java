package org.fwbench.config;

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

    /** Short words need a closer match than long ones, or every short key would suggest another. */
    private static int limit(String word) {
        return word.length() <= 4 ? 1 : word.length() <= 8 ? 2 : 3;
    }

    /** Edit distance where swapping two neighbouring letters, the commonest typo, counts as one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(d[i - 1][j - 1] + cost, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
