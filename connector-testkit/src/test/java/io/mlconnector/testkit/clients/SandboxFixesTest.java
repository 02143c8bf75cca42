package io.mlconnector.testkit.clients;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.testkit.freshbooks.FreshBooksSandbox;
import io.mlconnector.testkit.freshbooks.TokenPair;
import io.mlconnector.testkit.procore.ChangeOrderPackage;
import io.mlconnector.testkit.procore.ProcoreSandbox;
import io.mlconnector.testkit.procore.SovLine;
import io.mlconnector.testkit.support.TestHttp;
import io.mlconnector.testkit.time.MutableClock;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Pins, on the wire, the sandbox fixes made while running the real clients against the sandboxes: decimals echoed
 * with their scale, Procore's REST v2 commitment change order lines ({@code data} envelope, string ids, pages of
 * 10 by default), and Procore's direct cost line-item sync (match by id or origin id, per-item errors, HTTP 200).
 */
class SandboxFixesTest {
    private final MutableClock clock = MutableClock.at(Instant.parse("2026-03-16T15:00:00Z"));

    @Test
    void freshBooks_echoesADecimalFixedPriceWithItsScale_notInExponentForm() {
        try (FreshBooksSandbox fb = FreshBooksSandbox.builder().clock(clock).build().start()) {
            TestHttp http = new TestHttp(fb.baseUrl());
            TokenPair t = fb.issueTokens();
            String path = "/projects/business/" + fb.identity().businessId() + "/project";

            TestHttp.Resp created = http.postJson(path, "{\"project\":{\"title\":\"Tower\",\"fixed_price\":750000.00}}",
                    "Authorization", "Bearer " + t.accessToken());

            assertThat(created.status()).isEqualTo(200);
            assertThat(created.body()).contains("\"fixed_price\":\"750000.00\"").doesNotContain("E+");
        }
    }

    @Test
    void procore_v2CommitmentChangeOrderLines_comeInDataPagesOfTenWithStringIds() {
        try (ProcoreSandbox pc = ProcoreSandbox.builder().clock(clock).build().start()) {
            ProcoreWorld w = ProcoreWorld.seed(pc);
            SovLine[] lines = new SovLine[12];
            for (int i = 0; i < lines.length; i++) {
                lines[i] = SovLine.of(w.concrete().id(), w.materials().id(), "Item " + i, "10.00");
            }
            ChangeOrderPackage pkg = pc.seed().changeOrderPackage(w.tower().id(), w.commitment().id(), "Extras",
                    "approved", lines);
            TestHttp http = new TestHttp(pc.baseUrl());
            String company = Long.toString(w.acme().id());
            String[] headers = {"Authorization", "Bearer " + pc.issueToken(), "Procore-Company-Id", company};
            JsonNode cco = http.get("/rest/v1.0/projects/" + w.tower().id() + "/commitment_change_orders"
                    + "?filters[legacy_package_id]=" + pkg.id(), headers).json().get(0);
            String linesPath = "/rest/v2.0/companies/" + company + "/projects/" + w.tower().id()
                    + "/commitment_change_orders/" + cco.path("id").asLong() + "/line_items";

            TestHttp.Resp first = http.get(linesPath, headers);

            assertThat(first.status()).isEqualTo(200);
            JsonNode data = first.json().path("data");
            assertThat(data).hasSize(10);
            assertThat(data.get(0).path("id").isTextual()).isTrue();
            assertThat(data.get(0).path("commitment_line_item_id").asText())
                    .isEqualTo(Long.toString(w.commitment().lines().get(0).id()));
            assertThat(data.get(0).path("wbs_code").path("flat_code").asText()).isEqualTo("03-300.M");
            assertThat(first.header("Total")).contains("12");
            assertThat(first.header("Link").orElseThrow()).contains("rel=\"next\"");
            assertThat(http.get(linesPath + "?per_page=100", headers).json().path("data")).hasSize(12);
            assertThat(http.get("/rest/v2.0/companies/" + w.other().id() + "/projects/" + w.tower().id()
                    + "/commitment_change_orders/" + cco.path("id").asLong() + "/line_items", headers).status())
                    .as("a company in the path other than the header's").isEqualTo(404);
        }
    }

    @Test
    void procore_directCostLineItemSync_matchesByOriginId_createsUnderItsParent_andReportsPerItemErrors() {
        try (ProcoreSandbox pc = ProcoreSandbox.builder().clock(clock).build().start()) {
            ProcoreWorld w = ProcoreWorld.seed(pc);
            var cost = pc.seed().directCost(w.tower().id(), java.util.Map.of("direct_cost_type", "invoice",
                    "vendor_id", w.vendor().id(), "invoice_number", "INV-1", "origin_id", "fb:bill:1",
                    "line_items", java.util.List.of(java.util.Map.of("cost_code_id", w.concrete().id(),
                            "line_item_type_id", w.materials().id(), "manual_amount", "100.00",
                            "origin_id", "fb:bill:1#1"))));
            TestHttp http = new TestHttp(pc.baseUrl());
            String company = Long.toString(w.acme().id());
            String[] headers = {"Authorization", "Bearer " + pc.issueToken(), "Procore-Company-Id", company};
            String base = "/rest/v1.0/projects/" + w.tower().id() + "/direct_costs";

            TestHttp.Resp r = http.patchJson(base + "/line_items/sync", "{\"updates\":["
                    + "{\"origin_id\":\"fb:bill:1#1\",\"amount\":\"120.00\"},"
                    + "{\"direct_cost_id\":" + cost.id() + ",\"cost_code_id\":" + w.rebar().id()
                    + ",\"line_item_type_id\":" + w.labor().id() + ",\"amount\":\"30.00\",\"origin_id\":\"fb:bill:1#2\"},"
                    + "{\"id\":424242,\"amount\":\"1.00\"}]}", headers);

            assertThat(r.status()).isEqualTo(200);
            assertThat(r.json().path("entities")).extracting(e -> e.path("origin_id").asText())
                    .containsExactly("fb:bill:1#1", "fb:bill:1#2");
            assertThat(r.json().path("errors")).singleElement()
                    .satisfies(e -> assertThat(e.path("errors").path("id").get(0).asText())
                            .isEqualTo("Entity with this ID not found"));
            assertThat(pc.directCosts(w.tower().id()).get(0).grandTotal()).isEqualByComparingTo("150.00");
            assertThat(http.get(base + "/line_items", headers).json()).hasSize(2);
            assertThat(http.patchJson(base + "/sync", "{\"updates\":[{\"origin_id\":\"fb:bill:1\","
                    + "\"invoice_number\":\"INV-1A\"}]}", headers).json().path("entities").get(0)
                    .path("invoice_number").asText()).isEqualTo("INV-1A");
        }
    }
}
