package io.mlconnector.core.model;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Objects;

/**
 * An exact amount in an ISO-4217 currency. Arithmetic refuses to mix currencies: a mismatch is an error,
 * never a silent conversion.
 */
public record Money(BigDecimal amount, String currency) {
    /**
     * Checks the components.
     *
     * @param amount the amount
     * @param currency the currency code
     */
    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        currency = currency.trim().toUpperCase(Locale.ROOT);
        if (!currency.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("currency must be an ISO-4217 code: " + currency);
        }
    }

    /**
     * An amount from its decimal text.
     *
     * @param amount the amount, e.g. {@code "1250.00"}
     * @param currency the ISO-4217 code
     * @return the money
     */
    public static Money of(String amount, String currency) {
        return new Money(new BigDecimal(amount), currency);
    }

    /**
     * Zero in a currency.
     *
     * @param currency the ISO-4217 code
     * @return zero
     */
    public static Money zero(String currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    /**
     * The sum.
     *
     * @param other an amount in the same currency
     * @return this plus {@code other}
     * @throws IllegalArgumentException when the currencies differ
     */
    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    /**
     * The difference.
     *
     * @param other an amount in the same currency
     * @return this minus {@code other}
     * @throws IllegalArgumentException when the currencies differ
     */
    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    /**
     * The same amount with the opposite sign.
     *
     * @return the negated amount
     */
    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    /**
     * Whether the amount is zero (at any scale).
     *
     * @return whether it is zero
     */
    public boolean isZero() {
        return amount.signum() == 0;
    }

    /**
     * Equality of value and currency ignoring scale ({@code 10.0 USD} equals {@code 10.00 USD}).
     *
     * @param other the other money
     * @return equality of value and currency ignoring scale ({@code 10.0 USD} equals {@code 10.00 USD})
     */
    public boolean sameValueAs(Money other) {
        return other != null && currency.equals(other.currency) && amount.compareTo(other.amount) == 0;
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new CurrencyMismatchException(currency, other.currency);
        }
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency;
    }
}
