package io.mlconnector.core.operator;

import java.util.Objects;

/**
 * A target suggested by name likeness.
 *
 * @param option the target
 * @param score  how alike the names are, 0 (nothing in common) to 100 (the same name once normalised)
 */
public record ScoredOption(TargetOption option, int score) {
    /**
     * Checks the components.
     *
     * @param option the target
     * @param score 0 to 100
     */
    public ScoredOption {
        Objects.requireNonNull(option, "option");
        if (score < 0 || score > 100) {
            throw new IllegalArgumentException("score must be 0..100: " + score);
        }
    }
}
