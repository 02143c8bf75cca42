package io.mlconnector.freshbooks.resource;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.core.http.HttpMethod;
import io.mlconnector.freshbooks.http.Envelopes;
import io.mlconnector.freshbooks.http.FreshBooksApi;
import io.mlconnector.freshbooks.http.QueryParams;
import io.mlconnector.freshbooks.model.PaymentOptions;
import io.mlconnector.freshbooks.model.ProfitLossReport;
import java.time.LocalDate;
import java.util.Objects;

/** Read-only reports and invoice payment options. */
public final class ReportService {
    private final FreshBooksApi api;

    /**
     * Creates a {@code ReportService}.
     *
     * @param api the FreshBooks API
     */
    public ReportService(FreshBooksApi api) {
        this.api = Objects.requireNonNull(api);
    }

    /**
     * Profit and loss for a period ({@code reports/accounting/profitloss}; the node SDK calls {@code profitloss_entity},
     * path UNCONFIRMED). {@code resolution} such as {@code 3m}, may be null.
     *
     * @param start the start
     * @param end the end
     * @param resolution the resolution
     * @return profit and loss for a period ({@code reports/accounting/profitloss}; the node SDK calls {@code
     *     profitloss_entity}, path UNCONFIRMED)
     */
    public ProfitLossReport profitAndLoss(LocalDate start, LocalDate end, String resolution) {
        QueryParams q = QueryParams.empty().add("start_date", start).add("end_date", end).add("resolution", resolution);
        JsonNode root = api.send(HttpMethod.GET, api.accountingPath("reports/accounting/profitloss"), q, null);
        return api.convert(Envelopes.accountingSingle(root, "profitloss"), ProfitLossReport.class);
    }

    /**
     * Online payment options of an invoice ({@code /payments/account/{account_id}/invoice/{id}/payment_options}).
     *
     * @param invoiceId the invoice id
     * @return online payment options of an invoice ({@code
     *     /payments/account/{account_id}/invoice/{id}/payment_options})
     */
    public PaymentOptions paymentOptions(long invoiceId) {
        JsonNode root = api.send(HttpMethod.GET, "/payments/account/" + QueryParams.enc(api.accountId()) + "/invoice/"
                + invoiceId + "/payment_options", null, null);
        return api.convert(Envelopes.bareSingle(root, "payment_options"), PaymentOptions.class);
    }
}
