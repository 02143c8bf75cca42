package io.mlconnector.core.operator;

import io.mlconnector.core.sync.alignment.NameNormalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How alike two names are, 0 to 100, after alignment's normalisation ({@link NameNormalizer}): 100 for the same
 * normalised name, else the better of word overlap (Dice coefficient over words) and edit-distance likeness.
 */
final class NameScore {
    private NameScore() {
    }

    static int score(String a, String b) {
        String x = NameNormalizer.normalize(a);
        String y = NameNormalizer.normalize(b);
        if (x.isEmpty() || y.isEmpty()) {
            return 0;
        }
        if (x.equals(y)) {
            return 100;
        }
        double words = dice(List.of(x.split(" ")), List.of(y.split(" ")));
        double edits = 1.0 - (double) levenshtein(x, y) / Math.max(x.length(), y.length());
        return (int) Math.round(99 * Math.max(words, edits)); // only equal names score 100
    }

    private static double dice(List<String> a, List<String> b) {
        Set<String> sa = new HashSet<>(a);
        Set<String> sb = new HashSet<>(b);
        sa.remove("");
        sb.remove("");
        if (sa.isEmpty() || sb.isEmpty()) {
            return 0;
        }
        Set<String> common = new HashSet<>(sa);
        common.retainAll(sb);
        return 2.0 * common.size() / (sa.size() + sb.size());
    }

    private static int levenshtein(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
