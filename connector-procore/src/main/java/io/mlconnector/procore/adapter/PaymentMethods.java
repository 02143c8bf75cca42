package io.mlconnector.procore.adapter;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Maps a payment method as the books name it (FreshBooks' payment types {@code Check}, {@code Cash},
 * {@code Bank Transfer}, {@code Credit Card}, {@code VISA}, {@code ACH}, {@code PayPal}… or free text) to Procore's
 * {@code payment_method} values ({@code check}, {@code credit_card}, {@code electronic}; operation
 * {@code RestV10ContractPaymentsPost}). Words are matched whole, so {@code Cash} is not "ach"; a method with no
 * Procore equivalent (cash, credit from a client's balance, other) maps to none and the field is left out.
 */
final class PaymentMethods {
    private static final Set<String> CHECK = Set.of("check", "cheque", "cheq", "chk");
    private static final Set<String> CARD = Set.of("card", "creditcard", "visa", "mastercard", "amex", "discover", "diners",
            "jcb", "eurocard", "nova");
    private static final Set<String> ELECTRONIC = Set.of("ach", "eft", "wire", "bank", "transfer", "electronic", "etransfer",
            "paypal", "2checkout", "stripe", "debit", "online", "swift", "sepa");

    private PaymentMethods() {
    }

    /** Procore's value for a method, or null when it has none. */
    static String procoreValue(String method) {
        if (method == null || method.isBlank()) {
            return null;
        }
        List<String> words = Arrays.stream(method.toLowerCase(Locale.ROOT).replace("e-transfer", "etransfer")
                .split("[^a-z0-9]+")).filter(w -> !w.isEmpty()).toList();
        if (words.stream().anyMatch(CHECK::contains)) {
            return "check";
        }
        if (words.stream().anyMatch(CARD::contains) || words.contains("credit") && words.contains("card")
                || words.contains("american") && words.contains("express")) {
            return "credit_card";
        }
        if (words.stream().anyMatch(ELECTRONIC::contains) || words.contains("direct") && words.contains("deposit")) {
            return "electronic";
        }
        return null;
    }
}
