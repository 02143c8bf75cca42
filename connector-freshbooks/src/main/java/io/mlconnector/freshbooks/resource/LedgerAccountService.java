package io.mlconnector.freshbooks.resource;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.core.http.HttpMethod;
import io.mlconnector.freshbooks.http.Envelopes;
import io.mlconnector.freshbooks.http.FreshBooksApi;
import io.mlconnector.freshbooks.http.QueryParams;
import io.mlconnector.freshbooks.model.ChartAccount;
import io.mlconnector.freshbooks.model.LedgerAccount;
import io.mlconnector.freshbooks.model.LedgerAccountDraft;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The current chart of accounts (business_uuid namespace): ledger accounts
 * ({@code /accounting/businesses/{business_uuid}/ledger_accounts/accounts}, envelope {@code {"data": …}}, no paging)
 * and the chart-of-accounts report ({@code …/reports/chart_of_accounts}).
 */
public final class LedgerAccountService {
    private final FreshBooksApi api;

    /**
     * Creates a {@code LedgerAccountService}.
     *
     * @param api the FreshBooks API
     */
    public LedgerAccountService(FreshBooksApi api) {
        this.api = Objects.requireNonNull(api);
    }

    private String base() {
        return "/accounting/businesses/" + QueryParams.enc(api.businessUuid()) + "/ledger_accounts/accounts";
    }

    /**
     * Every ledger account.
     *
     * @return the matching ledger accounts
     */
    public List<LedgerAccount> list() {
        JsonNode data = Envelopes.data(api.send(HttpMethod.GET, base(), null, null));
        List<LedgerAccount> out = new ArrayList<>();
        data.forEach(n -> out.add(api.convert(n, LedgerAccount.class)));
        return List.copyOf(out);
    }

    /**
     * Fetches one account.
     *
     * @param uuid the account's uuid
     * @return the account
     */
    public LedgerAccount get(String uuid) {
        JsonNode root = api.send(HttpMethod.GET, base() + "/" + QueryParams.enc(uuid), null, null);
        return api.convert(Envelopes.data(root), LedgerAccount.class);
    }

    /**
     * Creates an account (name, sub type and parent account are required).
     *
     * @param draft the fields to send
     * @return the created ledger account, as FreshBooks stored it
     */
    public LedgerAccount create(LedgerAccountDraft draft) {
        JsonNode root = api.send(HttpMethod.POST, base(), null, draft);
        return api.convert(Envelopes.data(root), LedgerAccount.class);
    }

    /**
     * Updates an account.
     *
     * @param uuid the account's uuid
     * @param draft the fields to send
     * @return the updated account
     */
    public LedgerAccount update(String uuid, LedgerAccountDraft draft) {
        JsonNode root = api.send(HttpMethod.PUT, base() + "/" + QueryParams.enc(uuid), null, draft);
        return api.convert(Envelopes.data(root), LedgerAccount.class);
    }

    /**
     * The chart-of-accounts report for a currency and period, active accounts sorted by number
     * ({@code response.result.journal_entry_accounts[]}).
     *
     * @param currencyCode the ISO 4217 currency code
     * @param start the start
     * @param end the end
     * @return the chart-of-accounts report for a currency and period, active accounts sorted by number ({@code
     *     response.result.journal_entry_accounts[]})
     */
    public List<ChartAccount> chartOfAccounts(String currencyCode, LocalDate start, LocalDate end) {
        QueryParams q = QueryParams.empty().add("currency_code", currencyCode).add("start_date", start)
                .add("end_date", end).add("sort", "account_number_asc").add("state", "active")
                .add("use_ledger_entries", true);
        JsonNode root = api.send(HttpMethod.GET, "/accounting/businesses/" + QueryParams.enc(api.businessUuid())
                + "/reports/chart_of_accounts", q, null);
        JsonNode list = Envelopes.accountingResult(root).path("journal_entry_accounts");
        List<ChartAccount> out = new ArrayList<>();
        list.forEach(n -> out.add(api.convert(n, ChartAccount.class)));
        return List.copyOf(out);
    }
}
