package io.mlconnector.procore.model;

import java.math.BigDecimal;

/**
 * Currency of a financial object; amounts carry no currency of their own.
 */
public record CurrencyConfiguration(String currencyIsoCode,
                                    BigDecimal currencyExchangeRate,
                                    String baseCurrencyIsoCode) {
}
