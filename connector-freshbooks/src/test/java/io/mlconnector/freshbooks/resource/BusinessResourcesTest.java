package io.mlconnector.freshbooks.resource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
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

import io.mlconnector.freshbooks.FreshBooksClient;
import io.mlconnector.freshbooks.WireMockSupport;
import io.mlconnector.freshbooks.model.Business;
import io.mlconnector.freshbooks.model.Identity;
import io.mlconnector.freshbooks.model.LedgerAccountDraft;
import io.mlconnector.freshbooks.model.Project;
import io.mlconnector.freshbooks.model.ProjectDraft;
import io.mlconnector.freshbooks.model.TimeEntryDraft;
import io.mlconnector.freshbooks.query.ProjectQuery;
import io.mlconnector.freshbooks.query.SearchQuery;
import io.mlconnector.freshbooks.query.TimeEntryQuery;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Projects, time entries, services (business_id), ledger accounts (business_uuid), callbacks (events), identity. */
class BusinessResourcesTest extends WireMockSupport {
    private static final String PROJECT = "{\"id\":654321,\"title\":\"Awesome Project\",\"client_id\":12345,"
            + "\"project_type\":\"fixed_price\",\"budget\":\"50000.00\",\"fixed_price\":\"600.00\",\"active\":true,"
            + "\"complete\":false,\"created_at\":\"2020-09-13T01:07:51\",\"updated_at\":\"2020-09-13T03:10:13\"}";
    private static final String ENTRY = "{\"id\":419546,\"identity_id\":12345,\"is_logged\":true,"
            + "\"started_at\":\"2020-10-17T05:00:00Z\",\"duration\":3600,\"project_id\":654321,\"note\":\"Stuff\"}";

    private final FreshBooksClient fb = client();

    private static String meta(String key, int page, int pages, String... items) {
        return "{\"meta\":{\"total\":" + (pages * 2) + ",\"per_page\":2,\"page\":" + page + ",\"pages\":" + pages
                + "},\"" + key + "\":[" + String.join(",", items) + "]}";
    }

    @Test
    void projectsUseTheBusinessNamespaceBareEnvelopeAndMetaPaging() {
        String base = "/projects/business/" + BUSINESS;
        WM.stubFor(get(urlPathEqualTo(base + "/projects")).withQueryParam("page", equalTo("1"))
                .willReturn(okJson(meta("projects", 1, 2, PROJECT, PROJECT.replace("654321", "654322")))));
        WM.stubFor(get(urlPathEqualTo(base + "/projects")).withQueryParam("page", equalTo("2"))
                .willReturn(okJson(meta("projects", 2, 2, PROJECT.replace("654321", "654323")))));
        List<Project> all = fb.projects().list(ProjectQuery.create().active(true).complete(false)
                .updatedSince(Instant.parse("2020-10-17T13:14:07.5Z")).sort("title", true)).toList();
        assertThat(all).extracting(Project::id).containsExactly(654321L, 654322L, 654323L);
        assertThat(all.get(0).budget()).isEqualByComparingTo("50000.00");
        assertThat(all.get(0).updatedAt()).isEqualTo(Instant.parse("2020-09-13T03:10:13Z"));
        WM.verify(2, getRequestedFor(urlPathEqualTo(base + "/projects")).withQueryParam("active", equalTo("true"))
                .withQueryParam("complete", equalTo("false")).withQueryParam("per_page", equalTo("100"))
                .withQueryParam("updated_since", equalTo("2020-10-17T13:14:07")).withQueryParam("sort", equalTo("-title"))
                .withHeader("Content-Type", absent()));

        WM.stubFor(get(urlPathEqualTo(base + "/project/654321")).willReturn(okJson("{\"project\":" + PROJECT
                + ",\"abilities\":[{\"name\":\"can_edit\",\"value\":true}]}")));
        assertThat(fb.projects().get(654321).title()).isEqualTo("Awesome Project");

        WM.stubFor(post(urlPathEqualTo(base + "/project")).willReturn(okJson("{\"project\":" + PROJECT + "}")));
        fb.projects().create(ProjectDraft.of("Awesome Project", "fixed_price"));
        WM.verify(postRequestedFor(urlPathEqualTo(base + "/project")).withRequestBody(
                equalToJson("{\"project\":{\"title\":\"Awesome Project\",\"project_type\":\"fixed_price\"}}")));

        WM.stubFor(put(urlPathEqualTo(base + "/project/654321")).willReturn(okJson("{\"project\":" + PROJECT + "}")));
        fb.projects().updateBudgetHours(654321, 120);
        WM.verify(putRequestedFor(urlPathEqualTo(base + "/project/654321"))
                .withRequestBody(equalToJson("{\"project\":{\"budget\":120}}")));
        fb.projects().updateFixedPrice(654321, new BigDecimal("1250.50"));
        WM.verify(putRequestedFor(urlPathEqualTo(base + "/project/654321"))
                .withRequestBody(equalToJson("{\"project\":{\"fixed_price\":\"1250.50\"}}")));
        fb.projects().update(654321, new ProjectDraft("New", null, null, null, null, null, new BigDecimal("650.00"),
                null, null, LocalDate.of(2021, 1, 2), null, true));
        WM.verify(putRequestedFor(urlPathEqualTo(base + "/project/654321")).withRequestBody(equalToJson(
                "{\"project\":{\"title\":\"New\",\"fixed_price\":\"650.00\",\"due_date\":\"2021-01-02\",\"complete\":true}}")));

        WM.stubFor(delete(urlPathEqualTo(base + "/project/654321")).willReturn(aResponse().withStatus(204)));
        fb.projects().delete(654321);
        WM.verify(deleteRequestedFor(urlPathEqualTo(base + "/project/654321")));
    }

    @Test
    void timeEntries() {
        String base = "/timetracking/business/" + BUSINESS + "/time_entries";
        WM.stubFor(get(urlPathEqualTo(base)).willReturn(okJson(meta("time_entries", 1, 1, ENTRY))));
        WM.stubFor(get(urlPathEqualTo(base + "/419546")).willReturn(okJson("{\"time_entry\":" + ENTRY + "}")));
        WM.stubFor(post(urlPathEqualTo(base)).willReturn(okJson("{\"time_entry\":" + ENTRY + "}")));
        WM.stubFor(put(urlPathEqualTo(base + "/419546")).willReturn(okJson("{\"time_entry\":" + ENTRY + "}")));
        WM.stubFor(delete(urlPathEqualTo(base + "/419546")).willReturn(aResponse().withStatus(204)));

        assertThat(fb.timeEntries().list(TimeEntryQuery.create().projectId(654321).billable(true)).toList()).hasSize(1);
        WM.verify(getRequestedFor(urlPathEqualTo(base)).withQueryParam("project_id", equalTo("654321"))
                .withQueryParam("billable", equalTo("true")));
        assertThat(fb.timeEntries().updatedSince(Instant.parse("2020-10-17T13:14:07Z"), true).toList()).hasSize(1);
        WM.verify(getRequestedFor(urlPathEqualTo(base)).withQueryParam("updated_since", equalTo("2020-10-17T13:14:07"))
                .withQueryParam("include_deleted", equalTo("true")));
        assertThat(fb.timeEntries().get(419546).duration()).isEqualTo(3600L);
        fb.timeEntries().create(TimeEntryDraft.logged(Instant.parse("2016-08-16T20:00:00Z"), 7200, "Stuff", 17947L,
                6660335L));
        WM.verify(postRequestedFor(urlPathEqualTo(base)).withRequestBody(equalToJson("{\"time_entry\":{\"is_logged\":true,"
                + "\"duration\":7200,\"note\":\"Stuff\",\"started_at\":\"2016-08-16T20:00:00Z\",\"client_id\":17947,"
                + "\"project_id\":6660335}}")));
        fb.timeEntries().update(419546, new TimeEntryDraft(null, 60L, null, null, null, null, null, null, null));
        WM.verify(putRequestedFor(urlPathEqualTo(base + "/419546"))
                .withRequestBody(equalToJson("{\"time_entry\":{\"duration\":60}}")));
        fb.timeEntries().delete(419546);
        WM.verify(deleteRequestedFor(urlPathEqualTo(base + "/419546")));
    }

    @Test
    void servicesAndRates() {
        String base = "/comments/business/" + BUSINESS;
        WM.stubFor(get(urlPathEqualTo(base + "/services")).willReturn(okJson(meta("services", 1, 1,
                "{\"business_id\":25,\"id\":4054453,\"name\":\"Document Review\",\"billable\":true,\"vis_state\":0}"))));
        WM.stubFor(get(urlPathEqualTo(base + "/service/4054453")).willReturn(okJson(
                "{\"service\":{\"business_id\":25,\"id\":4054453,\"name\":\"Document Review\"}}")));
        WM.stubFor(get(urlPathEqualTo(base + "/service/4054453/rate")).willReturn(okJson(
                "{\"service_rate\":{\"business_id\":25,\"service_id\":4054453,\"rate\":\"10.00\"}}")));
        WM.stubFor(get(urlPathEqualTo(base + "/service_rates")).willReturn(okJson(
                "{\"service_rates\":[{\"business_id\":25,\"service_id\":4054453,\"rate\":\"10.00\"}]}")));
        assertThat(fb.services().list().toList()).hasSize(1);
        assertThat(fb.services().get(4054453).name()).isEqualTo("Document Review");
        assertThat(fb.services().rate(4054453).rate()).isEqualByComparingTo("10.00");
        assertThat(fb.services().rates()).hasSize(1);
    }

    @Test
    void ledgerAccountsUseTheDataEnvelope() {
        String base = "/accounting/businesses/" + UUID + "/ledger_accounts/accounts";
        String account = "{\"uuid\":\"a_uuid\",\"name\":\"Cash\",\"number\":\"1000\",\"type\":\"asset\","
                + "\"sub_type\":\"Cash & Bank\",\"parent_account\":null,\"sub_accounts\":[\"a_uuid2\"],"
                + "\"state\":\"active\",\"updated_at\":\"2023-04-27T14:33:48.841075Z\"}";
        WM.stubFor(get(urlPathEqualTo(base)).willReturn(okJson("{\"data\":[" + account + "]}")));
        WM.stubFor(get(urlPathEqualTo(base + "/a_uuid")).willReturn(okJson("{\"data\":" + account + "}")));
        WM.stubFor(post(urlPathEqualTo(base)).willReturn(okJson("{\"data\":" + account + "}")));
        WM.stubFor(put(urlPathEqualTo(base + "/a_uuid")).willReturn(okJson("{\"data\":" + account + "}")));
        assertThat(fb.ledgerAccounts().list()).singleElement().satisfies(a -> {
            assertThat(a.subAccounts()).containsExactly("a_uuid2");
            assertThat(a.updatedAt()).isEqualTo(Instant.parse("2023-04-27T14:33:48.841075Z"));
        });
        assertThat(fb.ledgerAccounts().get("a_uuid").name()).isEqualTo("Cash");
        fb.ledgerAccounts().create(new LedgerAccountDraft("Petty Cash", "1000-1", null, "Cash & Bank", "a_uuid"));
        WM.verify(postRequestedFor(urlPathEqualTo(base)).withRequestBody(equalToJson("{\"name\":\"Petty Cash\","
                + "\"number\":\"1000-1\",\"sub_type\":\"Cash & Bank\",\"parent_account\":\"a_uuid\"}")));
        fb.ledgerAccounts().update("a_uuid", new LedgerAccountDraft("Cash!", null, null, null, null));
        WM.verify(putRequestedFor(urlPathEqualTo(base + "/a_uuid")).withRequestBody(equalToJson("{\"name\":\"Cash!\"}")));

        String coa = "/accounting/businesses/" + UUID + "/reports/chart_of_accounts";
        WM.stubFor(get(urlPathEqualTo(coa)).willReturn(okJson(single("journal_entry_accounts",
                "[{\"account_uuid\":\"u1\",\"account_name\":\"Assets\",\"balance\":\"10.50\",\"sub_accounts\":["
                        + "{\"account_uuid\":\"u2\",\"account_name\":\"Cash\",\"parent_account_uuid\":\"u1\"}]}]"))));
        var chart = fb.ledgerAccounts().chartOfAccounts("USD", LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31));
        assertThat(chart.get(0).subAccounts().get(0).parentUuid()).isEqualTo("u1");
        WM.verify(getRequestedFor(urlPathEqualTo(coa)).withQueryParam("currency_code", equalTo("USD"))
                .withQueryParam("start_date", equalTo("2024-01-01")).withQueryParam("sort", equalTo("account_number_asc")));
    }

    @Test
    void callbacksCreateListGetUpdateVerifyResendDelete() {
        String base = "/events/account/" + ACCOUNT + "/events/callbacks";
        String cb = "{\"callbackid\":2001,\"event\":\"bill.update\",\"uri\":\"https://erp.example.com/hooks\","
                + "\"verified\":false,\"updated_at\":\"2024-05-01T12:00:00Z\"}";
        WM.stubFor(post(urlPathEqualTo(base)).willReturn(okJson(single("callback", cb))));
        WM.stubFor(get(urlPathEqualTo(base)).willReturn(okJson(list("callbacks", 1, 1, cb))));
        WM.stubFor(get(urlPathEqualTo(base + "/2001")).willReturn(okJson(single("callback", cb))));
        WM.stubFor(put(urlPathEqualTo(base + "/2001")).willReturn(okJson(single("callback",
                cb.replace("\"verified\":false", "\"verified\":true")))));
        WM.stubFor(delete(urlPathEqualTo(base + "/2001")).willReturn(aResponse().withStatus(204)
                .withBody("{\"response\": {}}")));

        assertThat(fb.callbacks().create("bill.update", "https://erp.example.com/hooks").verified()).isFalse();
        WM.verify(postRequestedFor(urlPathEqualTo(base)).withRequestBody(equalToJson(
                "{\"callback\":{\"event\":\"bill.update\",\"uri\":\"https://erp.example.com/hooks\"}}")));
        assertThat(fb.callbacks().listForEvent("bill").toList()).hasSize(1);
        WM.verify(getRequestedFor(urlPathEqualTo(base)).withQueryParam("search[event]", equalTo("bill")));
        assertThat(fb.callbacks().list(SearchQuery.create()).toList()).hasSize(1);
        assertThat(fb.callbacks().get(2001).updatedAt()).isEqualTo(Instant.parse("2024-05-01T12:00:00Z"));
        fb.callbacks().update(2001, null, "https://erp.example.com/hooks2");
        WM.verify(putRequestedFor(urlPathEqualTo(base + "/2001")).withRequestBody(equalToJson(
                "{\"callback\":{\"uri\":\"https://erp.example.com/hooks2\"}}")));
        assertThat(fb.callbacks().verify(2001, "scADVVi5").verified()).isTrue();
        WM.verify(putRequestedFor(urlPathEqualTo(base + "/2001"))
                .withRequestBody(equalToJson("{\"callback\":{\"verifier\":\"scADVVi5\"}}")));
        fb.callbacks().resendVerification(2001);
        WM.verify(putRequestedFor(urlPathEqualTo(base + "/2001"))
                .withRequestBody(equalToJson("{\"callback\":{\"resend\":true}}")));
        fb.callbacks().delete(2001);
        WM.verify(deleteRequestedFor(urlPathEqualTo(base + "/2001")));
    }

    @Test
    void identityDiscoversTheThreeIdsAndSkipsClientMemberships() {
        WM.stubFor(get(urlPathEqualTo("/auth/api/v1/users/me")).willReturn(okJson("{\"response\":{\"id\":2192788,"
                + "\"first_name\":\"Johnny\",\"email\":\"j@a.com\",\"business_memberships\":["
                + "{\"id\":1,\"role\":\"client\",\"business\":{\"id\":111,\"business_uuid\":\"u-111\",\"name\":\"Other\","
                + "\"account_id\":\"CLI1\"}},"
                + "{\"id\":6765686,\"role\":\"owner\",\"business\":{\"id\":2122866,\"business_uuid\":\"046e4001\","
                + "\"name\":\"Fruity Loops\",\"account_id\":\"xZNQ1X\",\"phone_number\":null,\"business_clients\":[]}}],"
                + "\"permissions\":{\"xZNQ1X\":{\"client.limit\":-1,\"retainers.access\":true}},\"addresses\":[null]}}")));
        FreshBooksClient unbound = FreshBooksClient.builder().apiBaseUrl(base()).accessToken("test-token").build();
        Identity me = unbound.identity();
        assertThat(me.effectiveIdentityId()).isEqualTo(2192788L);
        assertThat(me.businesses()).singleElement().satisfies(b -> {
            assertThat(b.id()).isEqualTo(2122866L);
            assertThat(b.accountId()).isEqualTo("xZNQ1X");
            assertThat(b.businessUuid()).isEqualTo("046e4001");
        });
        assertThat(me.businessByAccountId("CLI1")).isEmpty();
        assertThat(me.permissions().get("xZNQ1X")).containsEntry("client.limit", -1);

        Business b = me.businessByAccountId("xZNQ1X").orElseThrow();
        FreshBooksClient bound = unbound.forBusiness(b);
        assertThat(bound.accountId()).isEqualTo("xZNQ1X");
        assertThat(bound.businessId()).isEqualTo(2122866L);
        assertThat(bound.businessUuid()).isEqualTo("046e4001");
        WM.stubFor(get(urlPathEqualTo("/accounting/account/xZNQ1X/expenses/categories")).willReturn(okJson(
                list("categories", 1, 1, "{\"id\":1,\"category\":\"Airfare\"}"))));
        assertThat(bound.expenseCategories().list().toList()).hasSize(1);
    }
}
