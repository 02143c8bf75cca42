package io.mlconnector.freshbooks.resource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
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

import io.mlconnector.core.model.Money;
import io.mlconnector.freshbooks.FreshBooksClient;
import io.mlconnector.freshbooks.WireMockSupport;
import io.mlconnector.freshbooks.model.Bill;
import io.mlconnector.freshbooks.model.BillDraft;
import io.mlconnector.freshbooks.model.Invoice;
import io.mlconnector.freshbooks.model.InvoiceDraft;
import io.mlconnector.freshbooks.model.VisState;
import io.mlconnector.freshbooks.query.BillQuery;
import io.mlconnector.freshbooks.query.InvoiceQuery;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Invoices and bills: every verb, query encoding, vis_state travelling alone, paging, newest-first bill scan. */
class InvoiceAndBillResourcesTest extends WireMockSupport {
    private static final String INVOICE = "{\"id\":987654,\"invoiceid\":987654,\"invoice_number\":\"ACM0002\","
            + "\"customerid\":12345,\"create_date\":\"2021-04-16\",\"currency_code\":\"CAD\","
            + "\"amount\":{\"amount\":\"41.94\",\"code\":\"CAD\"},\"status\":2,\"updated\":\"2021-04-16 10:31:58\","
            + "\"version\":\"2021-04-16 10:31:58.480684\",\"vis_state\":0,\"lines\":[{\"lineid\":1,\"qty\":\"4\","
            + "\"name\":\"Bowls\",\"unit_cost\":{\"amount\":\"5.00\",\"code\":\"CAD\"},"
            + "\"amount\":{\"amount\":\"20.00\",\"code\":\"CAD\"},\"taxName1\":\"HST\",\"taxAmount1\":\"13\"}]}";
    private static final String BILL_NEW = bill(3, "2024-05-03 12:00:00");

    private final FreshBooksClient fb = client();

    private static String bill(long id, String updatedAt) {
        return "{\"id\":" + id + ",\"vendorid\":1563,\"bill_number\":\"B" + id + "\",\"currency_code\":\"USD\","
                + "\"amount\":{\"amount\":\"100.00\",\"code\":\"USD\"},\"status\":\"unpaid\","
                + "\"updated_at\":\"" + updatedAt + "\",\"vis_state\":0,\"lines\":[]}";
    }

    @Test
    void invoiceGetAlwaysIncludesLines() {
        WM.stubFor(get(urlPathEqualTo(acct("invoices/invoices/987654"))).willReturn(okJson(single("invoice", INVOICE))));
        Invoice inv = fb.invoices().get(987654);
        assertThat(inv.lines()).hasSize(1);
        assertThat(inv.lines().get(0).taxPercent1()).isEqualByComparingTo("13");
        assertThat(inv.amount()).isEqualTo(new Money(new BigDecimal("41.94"), "CAD"));
        WM.verify(getRequestedFor(urlPathEqualTo(acct("invoices/invoices/987654")))
                .withQueryParam("include[]", equalTo("lines"))
                .withHeader("Authorization", equalTo("Bearer test-token"))
                .withHeader("Content-Type", absent()));
    }

    @Test
    void invoiceListSendsPerPageFiltersIncludesAndWalksPagesLazily() {
        WM.stubFor(get(urlPathEqualTo(acct("invoices/invoices"))).withQueryParam("page", equalTo("1"))
                .willReturn(okJson(list("invoices", 1, 2, INVOICE, INVOICE.replace("987654", "987655")))));
        WM.stubFor(get(urlPathEqualTo(acct("invoices/invoices"))).withQueryParam("page", equalTo("2"))
                .willReturn(okJson(list("invoices", 2, 2, INVOICE.replace("987654", "987656")))));
        List<Long> ids = fb.invoices().list(InvoiceQuery.create().customerId(12345).includeLines()
                .sortDescending("invoice_date")).map(Invoice::id).toList();
        assertThat(ids).containsExactly(987654L, 987655L, 987656L);
        WM.verify(2, getRequestedFor(urlPathEqualTo(acct("invoices/invoices")))
                .withQueryParam("per_page", equalTo("100")).withQueryParam("search[customerid]", equalTo("12345"))
                .withQueryParam("include[]", equalTo("lines")).withQueryParam("sort", equalTo("invoice_date_desc")));

        assertThat(WM.getAllServeEvents()).allSatisfy(e -> assertThat(e.getRequest().getUrl())
                .contains("search%5Bcustomerid%5D=12345").contains("include%5B%5D=lines").contains("per_page=100"));

        WM.resetRequests();
        assertThat(fb.invoices().list(InvoiceQuery.create()).findFirst()).isPresent();
        WM.verify(1, getRequestedFor(urlPathEqualTo(acct("invoices/invoices"))));
    }

    @Test
    void invoiceUpdatedSinceWidensToTheEasternDayBeforeAndAddsTheDeletedListing() {
        WM.stubFor(get(urlPathEqualTo(acct("invoices/invoices"))).willReturn(okJson(list("invoices", 1, 1, INVOICE))));
        // 2024-03-10T03:30Z is 2024-03-09 22:30 in New York (EST), so updated_min = 2024-03-08
        List<Invoice> all = fb.invoices().updatedSince(Instant.parse("2024-03-10T03:30:00Z"), true).toList();
        assertThat(all).hasSize(2);
        WM.verify(2, getRequestedFor(urlPathEqualTo(acct("invoices/invoices")))
                .withQueryParam("search[updated_min]", equalTo("2024-03-08")));
        WM.verify(1, getRequestedFor(urlPathEqualTo(acct("invoices/invoices")))
                .withQueryParam("search[vis_state]", equalTo("1")));
    }

    @Test
    void invoiceCreateUpdateAndSendWrapTheBodyAndNeverCarryVisState() {
        WM.stubFor(post(urlPathEqualTo(acct("invoices/invoices"))).willReturn(okJson(single("invoice", INVOICE))));
        WM.stubFor(put(urlPathEqualTo(acct("invoices/invoices/987654"))).willReturn(okJson(single("invoice", INVOICE))));
        fb.invoices().create(InvoiceDraft.builder().customerId(12345).createDate(LocalDate.of(2019, 4, 20))
                .dueOffsetDays(5).currencyCode("USD").line(InvoiceDraft.Line.of("Paperwork", "", BigDecimal.ONE,
                        Money.of("5000.00", "USD"))).build());
        WM.verify(postRequestedFor(urlPathEqualTo(acct("invoices/invoices"))).withRequestBody(equalToJson(
                "{\"invoice\":{\"customerid\":12345,\"create_date\":\"2019-04-20\",\"due_offset_days\":5,"
                        + "\"currency_code\":\"USD\",\"lines\":[{\"type\":0,\"name\":\"Paperwork\",\"description\":\"\","
                        + "\"qty\":1,\"unit_cost\":{\"amount\":\"5000.00\",\"code\":\"USD\"}}]}}")));

        fb.invoices().update(987654, InvoiceDraft.builder().notes("Thanks").build());
        WM.verify(putRequestedFor(urlPathEqualTo(acct("invoices/invoices/987654")))
                .withRequestBody(equalToJson("{\"invoice\":{\"notes\":\"Thanks\"}}")));

        WM.resetRequests();
        fb.invoices().markAsSent(987654);
        WM.verify(putRequestedFor(urlPathEqualTo(acct("invoices/invoices/987654")))
                .withRequestBody(equalToJson("{\"invoice\":{\"action_mark_as_sent\":true}}")));
        fb.invoices().sendByEmail(987654, List.of("a@b.c"));
        WM.verify(putRequestedFor(urlPathEqualTo(acct("invoices/invoices/987654"))).withRequestBody(
                equalToJson("{\"invoice\":{\"action_email\":true,\"email_recipients\":[\"a@b.c\"]}}")));
    }

    @Test
    void deleteArchiveRestoreSendVisStateAlone() {
        WM.stubFor(put(urlPathEqualTo(acct("invoices/invoices/987654"))).willReturn(okJson(single("invoice",
                INVOICE.replace("\"vis_state\":0", "\"vis_state\":1")))));
        Invoice deleted = fb.invoices().delete(987654);
        assertThat(deleted.visState()).isEqualTo(VisState.DELETED);
        fb.invoices().archive(987654);
        fb.invoices().restore(987654);
        for (int state : new int[] {1, 2, 0}) {
            WM.verify(1, putRequestedFor(urlPathEqualTo(acct("invoices/invoices/987654")))
                    .withRequestBody(equalToJson("{\"invoice\":{\"vis_state\":" + state + "}}")));
        }
    }

    @Test
    void rawUpdateWithVisStateIsRefusedBeforeAnyRequest() {
        assertThatThrownBy(() -> fb.invoices().update(987654, Map.of("notes", "x", "vis_state", 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("vis_state must travel alone");
        assertThatThrownBy(() -> fb.bills().update(1, Map.of("ext_vis_state", 0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(WM.getAllServeEvents()).isEmpty();
    }

    @Test
    void billGetListCreateUpdateAndSoftDelete() {
        String path = acct("bills/bills");
        WM.stubFor(get(urlPathEqualTo(path + "/3")).willReturn(okJson(single("bill", BILL_NEW))));
        WM.stubFor(get(urlPathEqualTo(path)).willReturn(okJson(list("bills", 1, 1, BILL_NEW))));
        WM.stubFor(post(urlPathEqualTo(path)).willReturn(okJson(single("bill", BILL_NEW))));
        WM.stubFor(put(urlPathEqualTo(path + "/3")).willReturn(okJson(single("bill", BILL_NEW))));

        assertThat(fb.bills().get(3).billNumber()).isEqualTo("B3");
        fb.bills().getWithVendor(3);
        WM.verify(getRequestedFor(urlPathEqualTo(path + "/3")).withQueryParam("include[]", equalTo("vendor")));

        assertThat(fb.bills().list(BillQuery.create().vendorId(1563).statuses("unpaid", "overdue").ids(3, 4)
                .currencyCode("USD").includeVendor()).toList()).hasSize(1);
        WM.verify(getRequestedFor(urlPathEqualTo(path)).withQueryParam("search[vendorid]", equalTo("1563"))
                .withQueryParam("search[statuses][]", equalTo("unpaid"))
                .withQueryParam("search[statuses][]", equalTo("overdue"))
                .withQueryParam("search[ids][]", equalTo("4")).withQueryParam("search[currency_code]", equalTo("USD"))
                .withQueryParam("include[]", equalTo("vendor")));

        fb.bills().create(BillDraft.builder().vendorId(5).issueDate(LocalDate.of(2020, 10, 9)).dueOffsetDays(39)
                .currencyCode("USD").language("en").line(BillDraft.Line.of(65773, "Malm Side Table", BigDecimal.ONE,
                        Money.of("125", "USD"))).build());
        WM.verify(postRequestedFor(urlPathEqualTo(path)).withRequestBody(equalToJson("{\"bill\":{\"vendorid\":5,"
                + "\"issue_date\":\"2020-10-09\",\"due_offset_days\":39,\"currency_code\":\"USD\",\"language\":\"en\","
                + "\"lines\":[{\"categoryid\":65773,\"description\":\"Malm Side Table\",\"quantity\":1,"
                + "\"unit_cost\":{\"amount\":\"125\",\"code\":\"USD\"}}]}}")));

        fb.bills().update(3, BillDraft.builder().billNumber("B3-a").build());
        WM.verify(putRequestedFor(urlPathEqualTo(path + "/3"))
                .withRequestBody(equalToJson("{\"bill\":{\"bill_number\":\"B3-a\"}}")));
        fb.bills().delete(3);
        fb.bills().archive(3);
        fb.bills().restore(3);
        WM.verify(putRequestedFor(urlPathEqualTo(path + "/3")).withRequestBody(equalToJson("{\"bill\":{\"vis_state\":1}}")));
        WM.verify(putRequestedFor(urlPathEqualTo(path + "/3")).withRequestBody(equalToJson("{\"bill\":{\"vis_state\":2}}")));
        WM.verify(putRequestedFor(urlPathEqualTo(path + "/3")).withRequestBody(equalToJson("{\"bill\":{\"vis_state\":0}}")));
    }

    @Test
    void billsUpdatedSinceReadNewestFirstAndStopAtTheCursor() {
        String path = acct("bills/bills");
        WM.stubFor(get(urlPathEqualTo(path)).withQueryParam("page", equalTo("1"))
                .willReturn(okJson(list("bills", 1, 3, BILL_NEW, bill(2, "2024-05-02 12:00:00"),
                        bill(1, "2024-04-01 00:00:00")))));
        WM.stubFor(get(urlPathEqualTo(path)).withQueryParam("page", equalTo("2"))
                .willReturn(okJson(list("bills", 2, 3, bill(0, "2024-03-01 00:00:00")))));
        List<Bill> changed = fb.bills().updatedSince(Instant.parse("2024-05-02T18:00:00Z"), Duration.ofDays(1), false);
        assertThat(changed).extracting(Bill::id).containsExactly(3L, 2L);
        WM.verify(1, getRequestedFor(urlPathEqualTo(path)));
        WM.verify(getRequestedFor(urlPathEqualTo(path)).withQueryParam("sort", equalTo("updated_at_desc"))
                .withQueryParam("per_page", equalTo("100")));
    }

    @Test
    void billsUpdatedSinceFallsBackToAFullScanWhenTheSortIsIgnored() {
        String path = acct("bills/bills");
        WM.stubFor(get(urlPathEqualTo(path)).withQueryParam("page", equalTo("1"))
                .willReturn(okJson(list("bills", 1, 2, bill(1, "2024-04-01 00:00:00"), BILL_NEW))));
        WM.stubFor(get(urlPathEqualTo(path)).withQueryParam("page", equalTo("2"))
                .willReturn(okJson(list("bills", 2, 2, bill(2, "2024-05-02 12:00:00"), bill(0, "2024-03-01 00:00:00")))));
        List<Bill> changed = fb.bills().updatedSince(Instant.parse("2024-05-02T18:00:00Z"), Duration.ofDays(1), false);
        assertThat(changed).extracting(Bill::id).containsExactlyInAnyOrder(3L, 2L);
        WM.verify(2, getRequestedFor(urlPathEqualTo(path)));
    }

    @Test
    void billsUpdatedSinceAlsoReadsDeletedBillsWhenAsked() {
        String path = acct("bills/bills");
        WM.stubFor(get(urlPathEqualTo(path)).willReturn(okJson(list("bills", 1, 1, BILL_NEW))));
        WM.stubFor(get(urlPathEqualTo(path)).withQueryParam("search[vis_state]", equalTo("1")).willReturn(okJson(
                list("bills", 1, 1, bill(9, "2024-05-03 13:00:00").replace("\"vis_state\":0", "\"vis_state\":1")))));
        List<Bill> changed = fb.bills().updatedSince(Instant.parse("2024-05-03T00:00:00Z"), Duration.ZERO, true);
        assertThat(changed).extracting(Bill::id).containsExactly(3L, 9L);
        assertThat(changed.get(1).isDeleted()).isTrue();
    }

    @Test
    void pageGivesPagingMetadata() {
        WM.stubFor(get(urlPathEqualTo(acct("invoices/invoices"))).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"response\":{\"result\":{\"invoices\":[],\"page\":1,\"pages\":1,\"per_page\":15,\"total\":7}}}")));
        var page = fb.invoices().page(InvoiceQuery.create().perPage(15), 1);
        assertThat(page.items()).isEmpty();
        assertThat(page.hasNext()).isFalse();
        assertThat(page.total()).isEqualTo(7);
        assertThatThrownBy(() -> InvoiceQuery.create().perPage(101)).isInstanceOf(IllegalArgumentException.class);
    }
}
