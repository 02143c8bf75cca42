package io.mlconnector.core.sync.reconcile;

import java.math.BigDecimal;

/** Renders amounts for people: plain decimal notation, at least two decimals ({@code 1300.00}, {@code -5.50}). */
final class Amounts {
    private Amounts() {
    }

    static String plain(BigDecimal amount) {
        if (amount == null) {
            return null;
        }
        BigDecimal v = amount.scale() < 2 ? amount.setScale(2) : amount;
        return v.toPlainString();
    }
}
