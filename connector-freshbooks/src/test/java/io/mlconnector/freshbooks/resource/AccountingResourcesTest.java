package io.mlconnector.freshbooks.resource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.error.ConfigurationException;
import io.mlconnector.core.model.Money;
import io.mlconnector.freshbooks.FreshBooksClient;
import io.mlconnector.freshbooks.WireMockSupport;
import io.mlconnector.freshbooks.model.BillPaymentDraft;
import io.mlconnector.freshbooks.model.BillVendorDraft;
import io.mlconnector.freshbooks.model.ClientDraft;
import io.mlconnector.freshbooks.model.Expense;
import io.mlconnector.freshbooks.model.ExpenseDraft;
import io.mlconnector.freshbooks.model.ItemDraft;
import io.mlconnector.freshbooks.model.JournalEntryDraft;
import io.mlconnector.freshbooks.model.PaymentDraft;
import io.mlconnector.freshbooks.model.TaxDraft;
import io.mlconnector.freshbooks.query.ClientQuery;
import io.mlconnector.freshbooks.query.ExpenseQuery;
import io.mlconnector.freshbooks.query.SearchQuery;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The other accounting-namespace resources: paths, verbs, wrapped bodies, soft delete, filters. */
class AccountingResourcesTest extends WireMockSupport {
    private final FreshBooksClient fb = client();

    private static void stubCrud(String path, String key, String plural, String json) {
        WM.stubFor(get(urlPathEqualTo(path)).willReturn(okJson(list(plural, 1, 1, json))));
        WM.stubFor(get(urlPathEqualTo(path + "/7")).willReturn(okJson(single(key, json))));
        WM.stubFor(post(urlPathEqualTo(path)).willReturn(okJson(single(key, json))));
        WM.stubFor(put(urlPathEqualTo(path + "/7")).willReturn(okJson(single(key, json))));
        WM.stubFor(delete(urlPathEqualTo(path + "/7")).willReturn(aResponse().withStatus(204)
                .withBody("{\"response\": {}}")));
    }

    private static void verifyPut(String path, String body) {
        WM.verify(putRequestedFor(urlPathEqualTo(path + "/7")).withRequestBody(equalToJson(body)));
    }

    @Test
    void billVendors() {
        String path = acct("bill_vendors/bill_vendors");
        stubCrud(path, "bill_vendor", "bill_vendors", "{\"vendorid\":7,\"vendor_name\":\"IKEA\","
                + "\"updated_at\":\"2021-06-17 12:08:25\",\"vis_state\":0,\"outstanding_balance\":[]}");
        assertThat(fb.billVendors().list(SearchQuery.create()).toList()).hasSize(1);
        assertThat(fb.billVendors().get(7).vendorName()).isEqualTo("IKEA");
        fb.billVendors().create(BillVendorDraft.of("IKEA", "45454545", "USD"));
        WM.verify(postRequestedFor(urlPathEqualTo(path)).withRequestBody(equalToJson(
                "{\"bill_vendor\":{\"vendor_name\":\"IKEA\",\"account_number\":\"45454545\",\"currency_code\":\"USD\"}}")));
        fb.billVendors().update(7, BillVendorDraft.of("IKEA Canada", null, null));
        verifyPut(path, "{\"bill_vendor\":{\"vendor_name\":\"IKEA Canada\"}}");
        fb.billVendors().delete(7);
        fb.billVendors().archive(7);
        fb.billVendors().restore(7);
        verifyPut(path, "{\"bill_vendor\":{\"vis_state\":1}}");
        verifyPut(path, "{\"bill_vendor\":{\"vis_state\":2}}");
        verifyPut(path, "{\"bill_vendor\":{\"vis_state\":0}}");
        assertThat(fb.billVendors().updatedSince(Instant.parse("2024-07-01T12:00:00Z"), true).toList()).hasSize(2);
        WM.verify(2, getRequestedFor(urlPathEqualTo(path)).withQueryParam("search[updated_min]", equalTo("2024-06-30")));
    }

    @Test
    void billPayments() {
        String path = acct("bill_payments/bill_payments");
        stubCrud(path, "bill_payment", "bill_payments", "{\"id\":7,\"billid\":1626,\"amount\":{\"amount\":\"4000.00\","
                + "\"code\":\"USD\"},\"paid_date\":\"2021-06-16\",\"payment_type\":\"Check\",\"vis_state\":0}");
        assertThat(fb.billPayments().get(7).amount()).isEqualTo(Money.of("4000.00", "USD"));
        assertThat(fb.billPayments().forBill(1626).toList()).hasSize(1);
        WM.verify(getRequestedFor(urlPathEqualTo(path)).withQueryParam("search[billid]", equalTo("1626")));
        fb.billPayments().create(new BillPaymentDraft(1626L, Money.of("4000.00", "USD"), LocalDate.of(2021, 6, 16),
                "Check", "Test Payment via API"));
        WM.verify(postRequestedFor(urlPathEqualTo(path)).withRequestBody(equalToJson("{\"bill_payment\":{\"billid\":1626,"
                + "\"amount\":{\"amount\":\"4000.00\",\"code\":\"USD\"},\"paid_date\":\"2021-06-16\","
                + "\"payment_type\":\"Check\",\"note\":\"Test Payment via API\"}}")));
        fb.billPayments().update(7, new BillPaymentDraft(null, null, null, null, "fixed"));
        verifyPut(path, "{\"bill_payment\":{\"note\":\"fixed\"}}");
        fb.billPayments().delete(7);
        verifyPut(path, "{\"bill_payment\":{\"vis_state\":1}}");
        assertThat(fb.billPayments().list(SearchQuery.create()).count()).isEqualTo(1);
    }

    @Test
    void expensesWithFiltersAndSoftDelete() {
        String path = acct("expenses/expenses");
        stubCrud(path, "expense", "expenses", "{\"id\":\"7\",\"expenseid\":\"7\",\"amount\":{\"amount\":\"39.991\","
                + "\"code\":\"USD\"},\"categoryid\":93993004,\"staffid\":1,\"date\":\"2009-11-24\","
                + "\"taxAmount1\":{\"amount\":\"6.21\",\"code\":\"USD\"},\"updated\":\"2021-07-19 04:42:03\",\"vis_state\":0}");
        Expense e = fb.expenses().get(7);
        assertThat(e.id()).isEqualTo(7L);
        assertThat(e.amount().amount()).isEqualTo(new BigDecimal("39.991"));
        assertThat(e.taxAmount1()).isEqualTo(Money.of("6.21", "USD"));
        fb.expenses().list(ExpenseQuery.create().categoryId(93993004).projectId(12).clientId(3)
                .dateBetween(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 31)).include("category")).toList();
        WM.verify(getRequestedFor(urlPathEqualTo(path)).withQueryParam("search[categoryid]", equalTo("93993004"))
                .withQueryParam("search[projectid]", equalTo("12")).withQueryParam("search[clientid]", equalTo("3"))
                .withQueryParam("search[date_min]", equalTo("2024-01-01"))
                .withQueryParam("search[date_max]", equalTo("2024-01-31"))
                .withQueryParam("include[]", equalTo("category")));
        fb.expenses().create(ExpenseDraft.builder().amount(Money.of("39.991", "USD")).categoryId(93993004).staffId(1)
                .date(LocalDate.of(2009, 11, 24)).build());
        WM.verify(postRequestedFor(urlPathEqualTo(path)).withRequestBody(equalToJson("{\"expense\":{\"amount\":"
                + "{\"amount\":\"39.991\",\"code\":\"USD\"},\"categoryid\":93993004,\"staffid\":1,\"date\":\"2009-11-24\"}}")));
        fb.expenses().update(7, ExpenseDraft.builder().notes("lunch").build());
        verifyPut(path, "{\"expense\":{\"notes\":\"lunch\"}}");
        fb.expenses().delete(7);
        verifyPut(path, "{\"expense\":{\"vis_state\":1}}");
        fb.expenses().restore(7);
        verifyPut(path, "{\"expense\":{\"vis_state\":0}}");
        fb.expenses().archive(7);
        verifyPut(path, "{\"expense\":{\"vis_state\":2}}");
        fb.expenses().updatedSince(Instant.parse("2024-01-02T04:59:59Z"), false).toList();
        WM.verify(getRequestedFor(urlPathEqualTo(path)).withQueryParam("search[updated_min]", equalTo("2023-12-31")));
    }

    @Test
    void expenseCategoriesAreReadOnly() {
        String path = acct("expenses/categories");
        stubCrud(path, "category", "categories", "{\"id\":7,\"categoryid\":7,\"category\":\"Airfare\",\"parentid\":3,"
                + "\"vis_state\":0}");
        assertThat(fb.expenseCategories().list().toList()).extracting(c -> c.name()).containsExactly("Airfare");
        assertThat(fb.expenseCategories().get(7).parentId()).isEqualTo(3L);
        assertThat(ExpenseCategoryService.class.getMethods()).extracting(m -> m.getName())
                .doesNotContain("create", "update", "delete");
    }

    @Test
    void clients() {
        String path = acct("users/clients");
        stubCrud(path, "client", "clients", "{\"id\":7,\"userid\":7,\"organization\":\"Acme\","
                + "\"signup_date\":\"2020-10-31 15:25:34\",\"updated\":\"2020-11-01 13:11:10\",\"vis_state\":0}");
        assertThat(fb.clients().get(7).organization()).isEqualTo("Acme");
        fb.clients().list(ClientQuery.create().email("a@b.c").emailLike("acme").userIds(7, 8)).toList();
        WM.verify(getRequestedFor(urlPathEqualTo(path)).withQueryParam("search[email]", equalTo("a@b.c"))
                .withQueryParam("search[email_like]", equalTo("acme"))
                .withQueryParam("search[userids][]", equalTo("8")));
        fb.clients().create(ClientDraft.of("Gordon", "Shumway", "g@s.com", null));
        WM.verify(postRequestedFor(urlPathEqualTo(path)).withRequestBody(equalToJson(
                "{\"client\":{\"fname\":\"Gordon\",\"lname\":\"Shumway\",\"email\":\"g@s.com\"}}")));
        fb.clients().update(7, ClientDraft.of(null, null, null, "Acme Inc"));
        verifyPut(path, "{\"client\":{\"organization\":\"Acme Inc\"}}");
        fb.clients().delete(7);
        verifyPut(path, "{\"client\":{\"vis_state\":1}}");
        fb.clients().archive(7);
        fb.clients().restore(7);
        fb.clients().updatedSince(Instant.parse("2024-01-02T12:00:00Z"), true).toList();
        WM.verify(getRequestedFor(urlPathEqualTo(path)).withQueryParam("search[vis_state]", equalTo("1"))
                .withQueryParam("search[updated_min]", equalTo("2024-01-01")));
    }

    @Test
    void invoicePayments() {
        String path = acct("payments/payments");
        stubCrud(path, "payment", "payments", "{\"id\":7,\"logid\":7,\"invoiceid\":987654,\"amount\":{\"amount\":"
                + "\"41.94\",\"code\":\"CAD\"},\"date\":\"2021-04-16\",\"type\":\"Check\",\"vis_state\":0}");
        assertThat(fb.payments().get(7).invoiceId()).isEqualTo(987654L);
        fb.payments().create(new PaymentDraft(197902L, Money.of("100.00", "USD"), LocalDate.of(2019, 10, 22), "Cash", ""));
        WM.verify(postRequestedFor(urlPathEqualTo(path)).withRequestBody(equalToJson("{\"payment\":{\"invoiceid\":197902,"
                + "\"amount\":{\"amount\":\"100.00\",\"code\":\"USD\"},\"date\":\"2019-10-22\",\"type\":\"Cash\",\"note\":\"\"}}")));
        fb.payments().update(7, new PaymentDraft(null, null, null, "Check", null));
        verifyPut(path, "{\"payment\":{\"type\":\"Check\"}}");
        fb.payments().delete(7);
        verifyPut(path, "{\"payment\":{\"vis_state\":1}}");
        assertThat(fb.payments().updatedSince(Instant.parse("2024-01-02T12:00:00Z"), false).toList()).hasSize(1);
    }

    @Test
    void itemsAndTaxes() {
        String items = acct("items/items");
        stubCrud(items, "item", "items", "{\"id\":7,\"itemid\":7,\"name\":\"A Cheap Item\",\"qty\":\"100\","
                + "\"unit_cost\":{\"amount\":\"1.00\",\"code\":\"CAD\"},\"tax1\":7840,\"vis_state\":0}");
        assertThat(fb.items().get(7).quantity()).isEqualByComparingTo("100");
        fb.items().list(SearchQuery.create()).toList();
        fb.items().create(new ItemDraft("Widget", null, new BigDecimal("3"), null, "SKU1", Money.of("9.50", "CAD"), null, null));
        WM.verify(postRequestedFor(urlPathEqualTo(items)).withRequestBody(equalToJson("{\"item\":{\"name\":\"Widget\","
                + "\"qty\":3,\"sku\":\"SKU1\",\"unit_cost\":{\"amount\":\"9.50\",\"code\":\"CAD\"}}}")));
        fb.items().update(7, new ItemDraft(null, "desc", null, null, null, null, null, null));
        verifyPut(items, "{\"item\":{\"description\":\"desc\"}}");
        fb.items().delete(7);
        verifyPut(items, "{\"item\":{\"vis_state\":1}}");
        fb.items().archive(7);
        fb.items().restore(7);
        fb.items().updatedSince(Instant.parse("2024-01-02T12:00:00Z")).toList();

        String taxes = acct("taxes/taxes");
        stubCrud(taxes, "tax", "taxes", "{\"id\":7,\"taxid\":7,\"name\":\"HST\",\"amount\":\"13\",\"number\":\"RT 1234\","
                + "\"compound\":false,\"updated\":\"2020-06-16 10:04:37\"}");
        assertThat(fb.taxes().get(7).percent()).isEqualByComparingTo("13");
        fb.taxes().list(SearchQuery.create()).toList();
        fb.taxes().create(new TaxDraft("GST", new BigDecimal("5"), "RT 1235", false));
        WM.verify(postRequestedFor(urlPathEqualTo(taxes)).withRequestBody(equalToJson(
                "{\"tax\":{\"name\":\"GST\",\"amount\":5,\"number\":\"RT 1235\",\"compound\":false}}")));
        fb.taxes().update(7, new TaxDraft(null, new BigDecimal("13.5"), null, null));
        verifyPut(taxes, "{\"tax\":{\"amount\":13.5}}");
        fb.taxes().delete(7);
        WM.verify(deleteRequestedFor(urlPathEqualTo(taxes + "/7")));
    }

    @Test
    void legacyJournalEntriesAndAccounts() {
        String path = acct("journal_entries/journal_entries");
        WM.stubFor(post(urlPathEqualTo(path)).willReturn(okJson(single("journal_entry", "{\"entryid\":5,\"id\":5,"
                + "\"name\":\"JournalEntry\",\"currency_code\":\"USD\",\"user_entered_date\":\"2019-04-20\",\"details\":["
                + "{\"detailid\":1,\"id\":1,\"sub_accountid\":635974,\"debit\":\"200\",\"credit\":null},"
                + "{\"detailid\":2,\"id\":2,\"sub_accountid\":635976,\"debit\":null,\"credit\":\"200\"}]}"))));
        var entry = fb.journalEntries().create(new JournalEntryDraft("JournalEntry", "move", "USD",
                LocalDate.of(2019, 4, 20), List.of(JournalEntryDraft.Line.debit(635974, new BigDecimal("200")),
                JournalEntryDraft.Line.credit(635976, new BigDecimal("200")))));
        assertThat(entry.details()).hasSize(2);
        assertThat(entry.details().get(0).debit()).isEqualByComparingTo("200");
        WM.verify(postRequestedFor(urlPathEqualTo(path)).withRequestBody(equalToJson("{\"journal_entry\":{"
                + "\"name\":\"JournalEntry\",\"description\":\"move\",\"currency_code\":\"USD\","
                + "\"user_entered_date\":\"2019-04-20\",\"details\":[{\"sub_accountid\":635974,\"debit\":200},"
                + "{\"sub_accountid\":635976,\"credit\":200}]}}")));
        assertThatThrownBy(() -> fb.journalEntries().create(new JournalEntryDraft("x", null, "USD", null,
                List.of(JournalEntryDraft.Line.debit(1, BigDecimal.TEN)))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not balance");

        WM.stubFor(get(urlPathEqualTo(acct("journal_entry_accounts/journal_entry_accounts"))).willReturn(okJson(
                list("journal_entry_accounts", 1, 1, "{\"accountid\":\"A1\",\"id\":3,\"account_name\":\"Assets\","
                        + "\"account_type\":\"asset\",\"balance\":\"0.00\",\"sub_accounts\":[{\"sub_accountid\":635974,"
                        + "\"id\":635974,\"account_sub_name\":\"Petty cash\",\"parentid\":3,\"custom\":false}]}"))));
        var accounts = fb.journalEntries().listAccounts(SearchQuery.create()).toList();
        assertThat(accounts.get(0).subAccounts().get(0).id()).isEqualTo(635974L);
        WM.stubFor(get(urlPathEqualTo(acct("journal_entries/journal_entry_details"))).willReturn(okJson(
                list("journal_entry_details", 1, 1, "{\"detailid\":1,\"sub_accountid\":635974,\"debit\":\"200\"}"))));
        assertThat(fb.journalEntries().listDetails(SearchQuery.create()).toList()).hasSize(1);
    }

    @Test
    void otherIncomesTasksReportsAndPaymentOptions() {
        WM.stubFor(get(urlPathEqualTo(acct("other_incomes/other_incomes"))).willReturn(okJson(list("other_income", 1, 1,
                "{\"incomeid\":7,\"amount\":{\"amount\":\"25.00\",\"code\":\"USD\"},\"taxes\":[{\"amount\":\"3\",\"name\":\"HST\"}]}"))));
        assertThat(fb.otherIncomes().list(SearchQuery.create()).toList().get(0).taxes().get(0).percent())
                .isEqualByComparingTo("3");
        WM.stubFor(get(urlPathEqualTo(acct("projects/tasks/7"))).willReturn(okJson(single("task",
                "{\"taskid\":7,\"tname\":\"Piloting\",\"rate\":{\"amount\":\"100.00\",\"code\":\"CAD\"}}"))));
        assertThat(fb.tasks().get(7).rate()).isEqualTo(Money.of("100.00", "CAD"));
        WM.stubFor(get(urlPathEqualTo(acct("reports/accounting/profitloss"))).willReturn(okJson(single("profitloss",
                "{\"currency_code\":\"CAD\",\"gross_margin\":{\"description\":\"Gross Margin\",\"total\":{\"amount\":\"100.00\","
                        + "\"code\":\"%\"}},\"net_profit\":{\"total\":{\"amount\":\"8.02\",\"code\":\"CAD\"}}}"))));
        var pl = fb.reports().profitAndLoss(LocalDate.of(2022, 1, 1), LocalDate.of(2022, 12, 31), "3m");
        assertThat(pl.grossMargin().total().toMoney()).isEmpty();
        assertThat(pl.netProfit().total().toMoney()).contains(Money.of("8.02", "CAD"));
        WM.verify(getRequestedFor(urlPathEqualTo(acct("reports/accounting/profitloss")))
                .withQueryParam("start_date", equalTo("2022-01-01")).withQueryParam("resolution", equalTo("3m")));
        WM.stubFor(get(urlPathEqualTo("/payments/account/" + ACCOUNT + "/invoice/6463/payment_options")).willReturn(okJson(
                "{\"payment_options\":{\"gateway_name\":\"fbpay\",\"entity_id\":\"2409177\",\"gateway_info\":{\"account_id\":\"210000012\"}}}")));
        assertThat(fb.reports().paymentOptions(6463).gatewayInfo().accountId()).isEqualTo("210000012");
    }

    @Test
    void aMissingAccountIdFailsClearlyBeforeAnyRequest() {
        FreshBooksClient noIds = FreshBooksClient.builder().apiBaseUrl(base()).accessToken("t").build();
        assertThatThrownBy(() -> noIds.invoices().get(1)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("account id");
        assertThatThrownBy(() -> noIds.projects().get(1)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("business id");
        assertThatThrownBy(() -> noIds.ledgerAccounts().list()).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("business uuid");
        assertThat(WM.getAllServeEvents()).isEmpty();
        assertThatThrownBy(() -> FreshBooksClient.builder().build()).isInstanceOf(ConfigurationException.class);
    }
}
