package io.mlconnector.core.sync.alignment;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Folds a name to the form alignment compares: case, accents, punctuation and whitespace are ignored, {@code &}
 * reads as {@code and}, a leading {@code the} and trailing legal-form suffixes (Inc, LLC, Ltd, Co, Corp…) are
 * dropped. "The Acme Concrete Co., Inc." and "ACME concrete LLC" both become {@code acme concrete}.
 */
public final class NameNormalizer {
    private static final Set<String> SUFFIXES = Set.of("inc", "incorporated", "llc", "ltd", "limited", "co", "corp",
            "corporation", "company", "plc", "gmbh", "lp", "llp", "pc", "pllc", "sa", "ag", "bv", "pty");

    private NameNormalizer() {
    }

    /**
     * The normalised name; empty for a null or blank name.
     *
     * @param name the name
     * @return the normalised name
     */
    public static String normalize(String name) {
        if (name == null) {
            return "";
        }
        String s = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        s = s.toLowerCase(Locale.ROOT).replace("&", " and ");
        // "L.L.C." and "l.l.c" fold to "llc" before punctuation becomes spaces
        s = s.replaceAll("(?<=\\b\\p{L})\\.(?=\\p{L}\\b)", "");
        s = s.replaceAll("[^\\p{L}\\p{N}]+", " ").trim();
        if (s.isEmpty()) {
            return "";
        }
        List<String> words = new ArrayList<>(Arrays.asList(s.split(" ")));
        if (words.size() > 1 && words.get(0).equals("the")) {
            words.remove(0);
        }
        while (words.size() > 1 && SUFFIXES.contains(words.get(words.size() - 1))) {
            words.remove(words.size() - 1);
        }
        return String.join(" ", words);
    }

    /**
     * A code folded for comparison: letters and digits only, lower case ({@code 03-300} and {@code 03 300} match).
     *
     * @param code account number or cost code, may be null
     * @return a code folded for comparison: letters and digits only, lower case ({@code 03-300} and {@code 03 300}
     *     match)
     */
    public static String normalizeCode(String code) {
        if (code == null) {
            return "";
        }
        return code.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }
}
