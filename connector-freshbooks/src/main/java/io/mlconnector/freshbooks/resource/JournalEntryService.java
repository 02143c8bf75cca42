package io.mlconnector.freshbooks.resource;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.core.http.HttpMethod;
import io.mlconnector.core.http.Paginator;
import io.mlconnector.freshbooks.http.Envelopes;
import io.mlconnector.freshbooks.http.FreshBooksApi;
import io.mlconnector.freshbooks.model.JournalEntry;
import io.mlconnector.freshbooks.model.JournalEntryAccount;
import io.mlconnector.freshbooks.model.JournalEntryDetail;
import io.mlconnector.freshbooks.model.JournalEntryDraft;
import io.mlconnector.freshbooks.query.SearchQuery;
import java.math.BigDecimal;
import java.util.stream.Stream;

/**
 * Legacy (account_id) journal entries and their accounts: create an entry, list entry details, list the
 * accounts with sub-accounts that details post to. Only create is exposed for entries (the API offers no
 * list/update/delete of entries).
 */
public final class JournalEntryService extends AccountingResource<JournalEntry> {

    /**
     * Creates a {@code JournalEntryService}.
     *
     * @param api the FreshBooks API
     */
    public JournalEntryService(FreshBooksApi api) {
        super(api, () -> api.accountingPath("journal_entries/journal_entries"), "journal_entry", "journal_entries",
                JournalEntry.class);
    }

    /**
     * Creates a journal entry; debits and credits must balance.
     *
     * @param draft the fields to send
     * @return the created journal entry, as FreshBooks stored it
     */
    public JournalEntry create(JournalEntryDraft draft) {
        BigDecimal debit = BigDecimal.ZERO;
        BigDecimal credit = BigDecimal.ZERO;
        for (JournalEntryDraft.Line l : draft.details()) {
            debit = debit.add(l.debit() == null ? BigDecimal.ZERO : l.debit());
            credit = credit.add(l.credit() == null ? BigDecimal.ZERO : l.credit());
        }
        if (debit.compareTo(credit) != 0) {
            throw new IllegalArgumentException("journal entry does not balance: debits " + debit.toPlainString()
                    + " vs credits " + credit.toPlainString());
        }
        return postDraft(draft);
    }

    /**
     * Entry details ({@code journal_entries/journal_entry_details}), lazily paged.
     *
     * @param query the filters and paging to apply
     * @return entry details ({@code journal_entries/journal_entry_details}), lazily paged
     */
    public Stream<JournalEntryDetail> listDetails(SearchQuery query) {
        String path = api.accountingPath("journal_entries/journal_entry_details");
        return Paginator.stream(page -> {
            JsonNode root = api.send(HttpMethod.GET, path, query.toParams(page), null);
            return Envelopes.accountingPage(root, "journal_entry_details",
                    n -> api.convert(n, JournalEntryDetail.class));
        });
    }

    /**
     * Accounts and sub-accounts ({@code journal_entry_accounts/journal_entry_accounts}), lazily paged.
     *
     * @param query the filters and paging to apply
     * @return the accounts
     */
    public Stream<JournalEntryAccount> listAccounts(SearchQuery query) {
        String path = api.accountingPath("journal_entry_accounts/journal_entry_accounts");
        return Paginator.stream(page -> {
            JsonNode root = api.send(HttpMethod.GET, path, query.toParams(page), null);
            return Envelopes.accountingPage(root, "journal_entry_accounts",
                    n -> api.convert(n, JournalEntryAccount.class));
        });
    }
}
