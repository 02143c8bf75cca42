package io.mlconnector.freshbooks.adapter;

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

import io.mlconnector.core.model.ChangedRecord;
import io.mlconnector.core.model.DocumentKind;
import io.mlconnector.core.model.DocumentLine;
import io.mlconnector.core.model.ExpenseEntry;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.GlAccount;
import io.mlconnector.core.model.Money;
import io.mlconnector.core.model.PaymentRecord;
import io.mlconnector.core.model.Project;
import io.mlconnector.core.model.SourceDocument;
import io.mlconnector.core.model.Vendor;
import io.mlconnector.core.port.SourceStream;
import io.mlconnector.freshbooks.WireMockSupport;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The accounting port over WireMock: neutral-model mapping with exact amounts, change listing, writes. */
class FreshBooksAccountingSystemTest extends WireMockSupport {
    private static final String BILL = "{\"id\":43221133,\"vendorid\":1234413,\"bill_number\":\"BN101\","
            + "\"issue_date\":\"2021-09-01\",\"due_date\":\"2021-09-26\",\"currency_code\":\"CAD\","
            + "\"amount\":{\"amount\":\"187.52\",\"code\":\"CAD\"},\"status\":\"unpaid\","
            + "\"created_at\":\"2021-09-01 15:30:29\",\"updated_at\":\"2021-09-01 15:30:29\",\"vis_state\":0,"
            + "\"lines\":[{\"categoryid\":3696445,\"category\":\"Equipment\",\"list_index\":1,\"description\":\"Raw material\","
            + "\"quantity\":10,\"unit_cost\":{\"amount\":\"15.00\",\"code\":\"CAD\"},\"amount\":{\"amount\":\"150.00\","
            + "\"code\":\"CAD\"}},{\"categoryid\":\"3696446\",\"category\":{\"categoryid\":3696446,\"category\":\"Lumber\"},"
            + "\"list_index\":2,\"description\":\"2x4\",\"quantity\":\"3\",\"unit_cost\":{\"amount\":\"12.505\",\"code\":\"CAD\"},"
            + "\"amount\":{\"amount\":\"37.515\",\"code\":\"CAD\"}}],"
            + "\"bill_payments\":[{\"id\":123445,\"billid\":43221133,\"amount\":{\"amount\":\"100.00\",\"code\":\"CAD\"},"
            + "\"paid_date\":\"2021-09-02\",\"payment_type\":\"Check\",\"note\":null,\"vis_state\":0}]}";
    private static final String INVOICE = "{\"id\":\"987654\",\"invoiceid\":\"987654\",\"invoice_number\":\"ACM0002\","
            + "\"customerid\":\"12345\",\"create_date\":\"2021-04-16\",\"due_date\":\"2021-05-16\",\"currency_code\":\"CAD\","
            + "\"amount\":{\"amount\":\"41.94\",\"code\":\"CAD\"},\"updated\":\"2021-04-16 10:31:58\","
            + "\"version\":\"2021-04-16 10:31:58.480684\",\"vis_state\":0,\"lines\":["
            + "{\"lineid\":1,\"name\":\"Bowls\",\"description\":\"Melmac bowls\",\"qty\":\"4\",\"itemid\":4331,"
            + "\"modern_project_id\":654321,\"unit_cost\":{\"amount\":\"5.00\",\"code\":\"CAD\"},"
            + "\"amount\":{\"amount\":\"20.00\",\"code\":\"CAD\"},\"taxName1\":\"HST\",\"taxAmount1\":\"13\"},"
            + "{\"lineid\":2,\"name\":\"Mugs\",\"description\":\"\",\"qty\":\"6\",\"modern_project_id\":654321,"
            + "\"unit_cost\":{\"amount\":\"4.00\",\"code\":\"CAD\"},\"amount\":{\"amount\":\"24.00\",\"code\":\"CAD\"},"
            + "\"date\":\"2019-11-25 15:43:26\"}]}";
    private static final String EXPENSE = "{\"id\":23456,\"expenseid\":23456,\"amount\":{\"amount\":\"-125.50\","
            + "\"code\":\"CAD\"},\"categoryid\":93993004,\"staffid\":1,\"projectid\":654321,\"clientid\":0,"
            + "\"date\":\"2024-05-01\",\"vendor\":\"Acme Subs\",\"notes\":\"CO #5 approved [mlc:procore:co:55]\","
            + "\"updated\":\"2024-05-01 10:00:00\",\"vis_state\":0}";
    private static final String PROJECT = "{\"id\":654321,\"title\":\"Tower\",\"client_id\":12345,\"budget\":\"75000.00\","
            + "\"active\":true,\"complete\":false,\"updated_at\":\"2024-05-01T10:00:00\"}";

    private final FreshBooksAccountingSystem port = FreshBooksAccountingSystem.builder().client(client())
            .baseCurrency("CAD").staffId(1).build();

    @Test
    void billBecomesASourceDocumentWithExactAmountsAndCategoryAccounts() {
        WM.stubFor(get(urlPathEqualTo(acct("bills/bills/43221133"))).willReturn(okJson(single("bill", BILL))));
        SourceDocument d = port.fetchBill("43221133");
        assertThat(d.ref().key()).isEqualTo("freshbooks:bill:43221133");
        assertThat(d.kind()).isEqualTo(DocumentKind.BILL);
        assertThat(d.number()).isEqualTo("BN101");
        assertThat(d.counterparty().key()).isEqualTo("freshbooks:vendor:1234413");
        assertThat(d.issueDate()).isEqualTo(LocalDate.of(2021, 9, 1));
        assertThat(d.dueDate()).isEqualTo(LocalDate.of(2021, 9, 26));
        assertThat(d.currency()).isEqualTo("CAD");
        assertThat(d.lines()).extracting(DocumentLine::lineNo).containsExactly(1, 2);
        assertThat(d.lines()).extracting(l -> l.glAccount().key())
                .containsExactly("freshbooks:category:3696445", "freshbooks:category:3696446");
        assertThat(d.lines().get(1).amount()).isEqualTo(new Money(new BigDecimal("37.515"), "CAD"));
        assertThat(d.lines().get(1).quantity()).isEqualTo(new BigDecimal("3"));
        assertThat(d.total()).isEqualTo(new Money(new BigDecimal("187.515"), "CAD"));
        assertThat(d.version()).isEqualTo("2021-09-01T15:30:29Z");
        assertThat(d.deleted()).isFalse();
    }

    @Test
    void invoiceBecomesASourceDocumentWithClientProjectAndItems() {
        WM.stubFor(get(urlPathEqualTo(acct("invoices/invoices/987654"))).willReturn(okJson(single("invoice", INVOICE))));
        SourceDocument d = port.fetchInvoice("987654");
        WM.verify(getRequestedFor(urlPathEqualTo(acct("invoices/invoices/987654"))).withQueryParam("include[]",
                equalTo("lines")));
        assertThat(d.kind()).isEqualTo(DocumentKind.INVOICE);
        assertThat(d.counterparty().key()).isEqualTo("freshbooks:client:12345");
        assertThat(d.project().key()).isEqualTo("freshbooks:project:654321");
        assertThat(d.lines()).extracting(DocumentLine::description).containsExactly("Melmac bowls", "Mugs");
        assertThat(d.lines().get(0).item().key()).isEqualTo("freshbooks:item:4331");
        assertThat(d.lines().get(1).item()).isNull();
        assertThat(d.lines()).allSatisfy(l -> assertThat(l.project().key()).isEqualTo("freshbooks:project:654321"));
        assertThat(d.lines()).allSatisfy(l -> assertThat(l.glAccount()).isNull());
        assertThat(d.total()).isEqualTo(new Money(new BigDecimal("44.00"), "CAD"));
        assertThat(d.version()).isEqualTo("2021-04-16 10:31:58.480684");
    }

    @Test
    void paymentsVendorsAndProjects() {
        WM.stubFor(get(urlPathEqualTo(acct("bill_payments/bill_payments/123445"))).willReturn(okJson(single(
                "bill_payment", "{\"id\":123445,\"billid\":43221133,\"amount\":{\"amount\":\"100.00\",\"code\":\"CAD\"},"
                        + "\"paid_date\":\"2021-09-02\",\"payment_type\":\"Check\",\"note\":null,\"vis_state\":0}"))));
        PaymentRecord bp = port.fetchBillPayment("123445");
        assertThat(bp.ref().key()).isEqualTo("freshbooks:bill_payment:123445");
        assertThat(bp.document().key()).isEqualTo("freshbooks:bill:43221133");
        assertThat(bp.amount()).isEqualTo(new Money(new BigDecimal("100.00"), "CAD"));
        assertThat(bp.date()).isEqualTo(LocalDate.of(2021, 9, 2));
        assertThat(bp.method()).isEqualTo("Check");
        assertThat(bp.version()).startsWith("content:");

        WM.stubFor(get(urlPathEqualTo(acct("payments/payments/235435"))).willReturn(okJson(single("payment",
                "{\"id\":235435,\"logid\":235435,\"invoiceid\":987654,\"amount\":{\"amount\":\"41.94\",\"code\":\"CAD\"},"
                        + "\"date\":\"2021-04-16\",\"type\":\"2Checkout\",\"updated\":\"2021-04-17 05:29:31\",\"vis_state\":1}"))));
        PaymentRecord ip = port.fetchInvoicePayment("235435");
        assertThat(ip.ref().key()).isEqualTo("freshbooks:payment:235435");
        assertThat(ip.document().key()).isEqualTo("freshbooks:invoice:987654");
        assertThat(ip.version()).isEqualTo("2021-04-17T09:29:31Z"); // 05:29:31 EDT
        assertThat(ip.deleted()).isTrue();

        WM.stubFor(get(urlPathEqualTo(acct("bill_vendors/bill_vendors/1563"))).willReturn(okJson(single("bill_vendor",
                "{\"vendorid\":1563,\"vendor_name\":\"IKEA\",\"account_number\":\"45454545\",\"vis_state\":2}"))));
        Vendor v = port.fetchVendor("1563");
        assertThat(v.ref().key()).isEqualTo("freshbooks:vendor:1563");
        assertThat(v.externalCode()).isEqualTo("45454545");
        assertThat(v.active()).isFalse();

        WM.stubFor(get(urlPathEqualTo("/projects/business/" + BUSINESS + "/project/654321"))
                .willReturn(okJson("{\"project\":" + PROJECT + "}")));
        Project p = port.fetchProject("654321");
        assertThat(p.ref().key()).isEqualTo("freshbooks:project:654321");
        assertThat(p.clientRef().key()).isEqualTo("freshbooks:client:12345");
        assertThat(p.budget()).as("a FreshBooks budget is hours: never read as money").isNull();
        assertThat(p.updatedAt()).isEqualTo(Instant.parse("2024-05-01T10:00:00Z"));
        assertThat(p.active()).isTrue();
    }

    @Test
    void changedBillsAndTheirPaymentsComeFromOneNewestFirstScan() {
        WM.stubFor(get(urlPathEqualTo(acct("bills/bills"))).willReturn(okJson(list("bills", 1, 1, BILL))));
        WM.stubFor(get(urlPathEqualTo(acct("bills/bills"))).withQueryParam("search[vis_state]", equalTo("1"))
                .willReturn(okJson(list("bills", 1, 1))));
        Instant since = Instant.parse("2021-09-02T00:00:00Z");
        List<ChangedRecord> bills = port.listChanged(SourceStream.BILLS, since);
        assertThat(bills).containsExactly(new ChangedRecord(new ExternalRef("freshbooks", "bill", "43221133"),
                "2021-09-01T15:30:29Z", false));
        WM.verify(getRequestedFor(urlPathEqualTo(acct("bills/bills"))).withQueryParam("sort", equalTo("updated_at_desc")));

        WM.stubFor(get(urlPathEqualTo(acct("bill_payments/bill_payments"))).withQueryParam("search[vis_state]", equalTo("1"))
                .willReturn(okJson(list("bill_payments", 1, 1))));
        List<ChangedRecord> payments = port.listChanged(SourceStream.BILL_PAYMENTS, since);
        assertThat(payments).singleElement().satisfies(r -> {
            assertThat(r.ref().key()).isEqualTo("freshbooks:bill_payment:123445");
            assertThat(r.version()).startsWith("content:");
        });
        WM.stubFor(get(urlPathEqualTo(acct("bill_payments/bill_payments/123445"))).willReturn(okJson(single(
                "bill_payment", "{\"id\":123445,\"billid\":43221133,\"amount\":{\"amount\":\"100.00\",\"code\":\"CAD\"},"
                        + "\"paid_date\":\"2021-09-02\",\"payment_type\":\"Check\",\"note\":null,\"vis_state\":0}"))));
        assertThat(port.fetchBillPayment("123445").version()).isEqualTo(payments.get(0).version());
    }

    @Test
    void changedInvoicesPaymentsVendorsAndProjectsUseWidenedWindowsAndDeletedListings() {
        WM.stubFor(get(urlPathEqualTo(acct("invoices/invoices"))).willReturn(okJson(list("invoices", 1, 1, INVOICE))));
        WM.stubFor(get(urlPathEqualTo(acct("invoices/invoices"))).withQueryParam("search[vis_state]", equalTo("1"))
                .willReturn(okJson(list("invoices", 1, 1, INVOICE.replace("987654", "5").replace("\"vis_state\":0",
                        "\"vis_state\":1")))));
        Instant since = Instant.parse("2024-03-10T03:30:00Z");
        List<ChangedRecord> invoices = port.listChanged(SourceStream.INVOICES, since);
        assertThat(invoices).extracting(r -> r.ref().key(), ChangedRecord::deleted).containsExactly(
                org.assertj.core.groups.Tuple.tuple("freshbooks:invoice:987654", false),
                org.assertj.core.groups.Tuple.tuple("freshbooks:invoice:5", true));
        WM.verify(2, getRequestedFor(urlPathEqualTo(acct("invoices/invoices")))
                .withQueryParam("search[updated_min]", equalTo("2024-03-08")));

        WM.stubFor(get(urlPathEqualTo(acct("payments/payments"))).willReturn(okJson(list("payments", 1, 1,
                "{\"id\":235435,\"invoiceid\":987654,\"amount\":{\"amount\":\"1.00\",\"code\":\"CAD\"},"
                        + "\"updated\":\"2024-03-09 23:00:00\",\"vis_state\":0}"))));
        assertThat(port.listChanged(SourceStream.INVOICE_PAYMENTS, since)).singleElement()
                .isEqualTo(new ChangedRecord(new ExternalRef("freshbooks", "payment", "235435"), "2024-03-10T04:00:00Z", false));

        WM.stubFor(get(urlPathEqualTo(acct("bill_vendors/bill_vendors"))).willReturn(okJson(list("bill_vendors", 1, 1,
                "{\"vendorid\":1563,\"vendor_name\":\"IKEA\",\"updated_at\":\"2024-03-10 01:00:00\",\"vis_state\":0}"))));
        assertThat(port.listChanged(SourceStream.VENDORS, since)).singleElement().satisfies(r -> {
            assertThat(r.ref().key()).isEqualTo("freshbooks:vendor:1563");
            assertThat(r.version()).isEqualTo("2024-03-10T01:00:00Z");
        });
        WM.verify(getRequestedFor(urlPathEqualTo(acct("bill_vendors/bill_vendors")))
                .withQueryParam("search[updated_min]", equalTo("2024-03-08")).withQueryParam("search[vis_state]", equalTo("1")));

        WM.stubFor(get(urlPathEqualTo("/projects/business/" + BUSINESS + "/projects"))
                .willReturn(okJson("{\"meta\":{\"page\":1,\"pages\":1,\"per_page\":100,\"total\":1},\"projects\":[" + PROJECT + "]}")));
        assertThat(port.listChanged(SourceStream.PROJECTS, since)).singleElement()
                .extracting(r -> r.ref().key()).isEqualTo("freshbooks:project:654321");
        WM.verify(getRequestedFor(urlPathEqualTo("/projects/business/" + BUSINESS + "/projects"))
                .withQueryParam("updated_since", equalTo("2024-03-10T03:30:00")));

        assertThatThrownBy(() -> port.listChanged(SourceStream.CHANGE_ORDERS, since))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void referenceDataListings() {
        WM.stubFor(get(urlPathEqualTo(acct("bill_vendors/bill_vendors"))).willReturn(okJson(list("bill_vendors", 1, 1,
                "{\"vendorid\":1,\"vendor_name\":\"Active\",\"vis_state\":0}",
                "{\"vendorid\":2,\"vendor_name\":\"Archived\",\"vis_state\":2}"))));
        assertThat(port.listVendors()).extracting(Vendor::name).containsExactly("Active");

        WM.stubFor(get(urlPathEqualTo(acct("expenses/categories"))).willReturn(okJson(list("categories", 1, 1,
                "{\"id\":12345678,\"category\":\"Airfare\",\"parentid\":19876543,\"vis_state\":0}",
                "{\"id\":19876543,\"category\":\"Travel\",\"parentid\":null,\"vis_state\":0}"))));
        List<GlAccount> accounts = port.listGlAccounts();
        assertThat(accounts.get(0).ref().key()).isEqualTo("freshbooks:category:12345678");
        assertThat(accounts.get(0).parent().key()).isEqualTo("freshbooks:category:19876543");
        assertThat(accounts.get(1).parent()).isNull();

        WM.stubFor(get(urlPathEqualTo("/projects/business/" + BUSINESS + "/projects")).willReturn(okJson(
                "{\"meta\":{\"page\":1,\"pages\":1},\"projects\":[" + PROJECT + ","
                        + PROJECT.replace("654321", "9").replace("\"complete\":false", "\"complete\":true") + "]}")));
        assertThat(port.listProjects()).extracting(p -> p.ref().id()).containsExactly("654321");
        WM.verify(getRequestedFor(urlPathEqualTo("/projects/business/" + BUSINESS + "/projects"))
                .withQueryParam("active", equalTo("true")));
    }

    @Test
    void createVendorAndExpenseWithMarkerThenFindAndUpdateIt() {
        WM.stubFor(post(urlPathEqualTo(acct("bill_vendors/bill_vendors"))).willReturn(okJson(single("bill_vendor",
                "{\"vendorid\":77,\"vendor_name\":\"Acme Subs\",\"account_number\":\"ACC-9\",\"vis_state\":0}"))));
        Vendor created = port.createVendor(new Vendor(null, "Acme Subs", null, "ACC-9", true, null));
        assertThat(created.ref().key()).isEqualTo("freshbooks:vendor:77");
        WM.verify(postRequestedFor(urlPathEqualTo(acct("bill_vendors/bill_vendors"))).withRequestBody(equalToJson(
                "{\"bill_vendor\":{\"vendor_name\":\"Acme Subs\",\"account_number\":\"ACC-9\",\"currency_code\":\"CAD\"}}")));

        WM.stubFor(post(urlPathEqualTo(acct("expenses/expenses"))).willReturn(okJson(single("expense", EXPENSE))));
        ExpenseEntry draft = new ExpenseEntry(null, "procore:co:55", new ExternalRef("freshbooks", "category", "93993004"),
                new ExternalRef("freshbooks", "project", "654321"), null, new Money(new BigDecimal("-125.50"), "CAD"),
                LocalDate.of(2024, 5, 1), "Acme Subs", "CO #5 approved");
        ExpenseEntry saved = port.createExpense(draft);
        WM.verify(postRequestedFor(urlPathEqualTo(acct("expenses/expenses"))).withRequestBody(equalToJson(
                "{\"expense\":{\"amount\":{\"amount\":\"-125.50\",\"code\":\"CAD\"},\"categoryid\":93993004,"
                        + "\"staffid\":1,\"date\":\"2024-05-01\",\"vendor\":\"Acme Subs\","
                        + "\"notes\":\"CO #5 approved [mlc:procore:co:55]\",\"projectid\":654321}}")));
        assertThat(saved.ref().key()).isEqualTo("freshbooks:expense:23456");
        assertThat(saved.marker()).isEqualTo("procore:co:55");
        assertThat(saved.notes()).isEqualTo("CO #5 approved");
        assertThat(saved.amount()).isEqualTo(new Money(new BigDecimal("-125.50"), "CAD"));
        assertThat(saved.project().key()).isEqualTo("freshbooks:project:654321");
        assertThat(saved.client()).isNull();

        WM.stubFor(get(urlPathEqualTo(acct("expenses/expenses"))).willReturn(okJson(list("expenses", 1, 1,
                EXPENSE.replace("23456", "1").replace("[mlc:procore:co:55]", "[mlc:procore:co:5]"), EXPENSE))));
        assertThat(port.findExpenseByMarker("procore:co:55", new ExternalRef("freshbooks", "project", "654321")))
                .map(e -> e.ref().id()).contains("23456");
        WM.verify(getRequestedFor(urlPathEqualTo(acct("expenses/expenses")))
                .withQueryParam("search[projectid]", equalTo("654321")));
        assertThat(port.findExpenseByMarker("procore:co:56", null)).isEmpty();

        WM.stubFor(put(urlPathEqualTo(acct("expenses/expenses/23456"))).willReturn(okJson(single("expense", EXPENSE))));
        port.updateExpense(new ExpenseEntry(saved.ref(), "procore:co:55", saved.category(), saved.project(), null,
                new Money(new BigDecimal("-130.00"), "CAD"), LocalDate.of(2024, 5, 2), null, "CO #5 revised"));
        WM.verify(putRequestedFor(urlPathEqualTo(acct("expenses/expenses/23456"))).withRequestBody(equalToJson(
                "{\"expense\":{\"amount\":{\"amount\":\"-130.00\",\"code\":\"CAD\"},\"categoryid\":93993004,"
                        + "\"staffid\":1,\"date\":\"2024-05-02\",\"notes\":\"CO #5 revised [mlc:procore:co:55]\","
                        + "\"projectid\":654321}}")));
    }

    @Test
    void webhookConfirmation() {
        String cb = "/events/account/" + ACCOUNT + "/events/callbacks/2001";
        WM.stubFor(put(urlPathEqualTo(cb)).willReturn(okJson(single("callback", "{\"callbackid\":2001,\"verified\":true}"))));
        port.confirmWebhook("2001", "scADVVi5");
        WM.verify(putRequestedFor(urlPathEqualTo(cb)).withRequestBody(equalToJson("{\"callback\":{\"verifier\":\"scADVVi5\"}}")));
    }

    @Test
    void badIdsAndRefsFailBeforeAnyRequest() {
        assertThatThrownBy(() -> port.fetchBill("abc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> port.updateProjectFixedPrice(new ExternalRef("procore", "project", "1"),
                Money.of("1", "CAD"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> port.fetchBillPayments("x1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> port.createExpense(new ExpenseEntry(null, "m", null, null, null, Money.of("1", "CAD"),
                LocalDate.of(2024, 1, 1), null, null))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> port.updateExpense(new ExpenseEntry(null, "m", null, null, null, Money.of("1", "CAD"),
                LocalDate.of(2024, 1, 1), null, null))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FreshBooksAccountingSystem.markerToken("a]b")).isInstanceOf(IllegalArgumentException.class);
        assertThat(WM.getAllServeEvents()).isEmpty();
        assertThat(port.system()).isEqualTo("freshbooks");
        assertThat(port.accountId()).isEqualTo(ACCOUNT);
    }
}
