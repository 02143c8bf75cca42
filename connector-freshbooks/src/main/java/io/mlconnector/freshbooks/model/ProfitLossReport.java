package io.mlconnector.freshbooks.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.mlconnector.core.model.Money;
import io.mlconnector.freshbooks.internal.json.LenientDateDeserializer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The profit and loss report ({@code /accounting/account/{account_id}/reports/accounting/profitloss}). Amounts carry a
 * {@code code} that is a currency or {@code %} (gross margin), so they are {@link Amount}s, not core money.
 */
public record ProfitLossReport(
        @JsonProperty("company_name") String companyName,
        @JsonProperty("currency_code") String currencyCode,
        @JsonProperty("cash_based") Boolean cashBased,
        @JsonProperty("start_date") @JsonDeserialize(using = LenientDateDeserializer.class) LocalDate startDate,
        @JsonProperty("end_date") @JsonDeserialize(using = LenientDateDeserializer.class) LocalDate endDate,
        @JsonProperty("resolution") String resolution,
        @JsonProperty("labels") List<String> labels,
        @JsonProperty("income") List<Row> income,
        @JsonProperty("expenses") List<Row> expenses,
        @JsonProperty("total_income") Row totalIncome,
        @JsonProperty("total_expenses") Row totalExpenses,
        @JsonProperty("gross_margin") Row grossMargin,
        @JsonProperty("net_profit") Row netProfit) {

    /** A report line with one amount per period, a total, and child lines. */
    public record Row(
            @JsonProperty("description") String description,
            @JsonProperty("entry_type") String entryType,
            @JsonProperty("data") List<Amount> data,
            @JsonProperty("total") Amount total,
            @JsonProperty("children") List<Row> children) {
    }

    /** An amount with its unit code (an ISO currency or {@code %}). */
    public record Amount(@JsonProperty("amount") BigDecimal amount, @JsonProperty("code") String code) {
        /**
         * The amount as money when the code is a currency.
         *
         * @return the amount as money when the code is a currency
         */
        public Optional<Money> toMoney() {
            return amount != null && code != null && code.matches("[A-Za-z]{3}")
                    ? Optional.of(new Money(amount, code)) : Optional.empty();
        }
    }
}
