package io.mlconnector.console;

import static io.mlconnector.console.ConsoleFixture.get;
import static io.mlconnector.console.ConsoleFixture.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mlconnector.core.audit.AuditEvent;
import io.mlconnector.core.audit.AuditOutcome;
import io.mlconnector.core.mapping.MappingKind;
import io.mlconnector.core.mapping.MappingStatus;
import io.mlconnector.core.model.SourceDocument;
import io.mlconnector.core.model.TargetKind;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The console answered request by request: its page, the guard, and the JSON API's shapes and effects. */
class OperatorConsoleTest {
    private final ObjectMapper json = new ObjectMapper();
    private ConsoleFixture fx;
    private OperatorConsole console;

    @BeforeEach
    void setUp() {
        fx = new ConsoleFixture();
        console = fx.console(StoredReports.none());
    }

    private ConsoleResponse send(ConsoleFixture.Request r) {
        return console.handle(r.build());
    }

    private JsonNode body(ConsoleResponse r) throws IOException {
        return json.readTree(r.body());
    }

    // ------------------------------------------------------------------ page and guard

    @Test
    void thePageAndItsAssetsAreServedWithoutTheTokenWithStrictHeaders() {
        ConsoleResponse page = send(get("/").header("Authorization", null));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.bodyText()).contains("operator console").contains("console.js");
        assertThat(page.headers()).containsEntry("X-Frame-Options", "DENY").containsKey("Content-Security-Policy");
        assertThat(send(get("/console.js").header("Authorization", null)).contentType()).startsWith("text/javascript");
        assertThat(send(get("/console.css")).status()).isEqualTo(200);
        assertThat(send(get("/../pom.xml")).status()).isEqualTo(404);
        assertThat(send(get("/static/index.html")).status()).isEqualTo(404);
    }

    @Test
    void theApiRefusesAMissingOrWrongTokenWith401() throws IOException {
        ConsoleResponse none = send(get("/api/waiting").header("Authorization", null));
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.headers()).containsKey("WWW-Authenticate");
        ConsoleResponse wrong = send(get("/api/waiting").header("Authorization", "Bearer " + "x".repeat(32)));
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(body(wrong).get("error").asText()).doesNotContain(ConsoleFixture.TOKEN);
    }

    @Test
    void theApiRefusesCrossSiteAndNonLoopbackRequestsWith403EvenWithTheToken() throws Exception {
        assertThat(send(get("/api/waiting").header("Origin", "http://evil.example")).status()).isEqualTo(403);
        assertThat(send(get("/api/waiting").header("Sec-Fetch-Site", "cross-site")).status()).isEqualTo(403);
        assertThat(send(get("/api/waiting").header("Host", "evil.example:8080")).status()).isEqualTo(403);
        assertThat(send(get("/api/waiting").from(InetAddress.getByName("192.0.2.7"))).status()).isEqualTo(403);
        assertThat(send(get("/").header("Host", "rebound.example")).status()).isEqualTo(403);
        assertThat(send(get("/api/waiting").header("Origin", "http://localhost:8080")
                .header("Sec-Fetch-Site", "same-origin")).status()).isEqualTo(200);
    }

    // ------------------------------------------------------------------ reads

    @Test
    void waitingListsTheFlaggedBillWithItsPlainReason() throws IOException {
        SourceDocument bill = fx.flaggedBill();

        ConsoleResponse r = send(get("/api/waiting"));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).isEqualTo("application/json");
        JsonNode records = body(r).get("records");
        assertThat(records).hasSize(1);
        JsonNode rec = records.get(0);
        assertThat(rec.get("key").asText()).isEqualTo(bill.ref().key());
        assertThat(rec.get("record").asText()).isEqualTo("FreshBooks bill " + bill.ref().id());
        assertThat(rec.get("state").asText()).isEqualTo("FLAGGED");
        assertThat(rec.get("reasons").get(0).get("text").asText()).isEqualTo("Vendor 'Lone Pine Framing' (FreshBooks"
                + " vendor " + fx.lonePine.ref().id() + ") has no Procore vendor yet");
        assertThat(rec.get("reasons").get(0).get("fix").get("kind").asText()).isEqualTo("VENDOR");
        assertThat(rec.get("reasons").get(0).get("fix").get("sourceId").asText()).isEqualTo(fx.lonePine.ref().id());
        assertThat(rec.has("technical")).isTrue();
        assertThat(rec.has("since")).isTrue();
    }

    @Test
    void unmappedShowsTheStoredSuggestionAndTheWaitingRecords() throws IOException {
        SourceDocument bill = fx.flaggedBill();

        JsonNode items = body(send(get("/api/unmapped?connection=acme"))).get("items");

        JsonNode vendor = items.get(0);
        assertThat(vendor.get("kind").asText()).isEqualTo("VENDOR");
        assertThat(vendor.get("sourceId").asText()).isEqualTo(fx.lonePine.ref().id());
        assertThat(vendor.get("description").asText()).startsWith("Vendor 'Lone Pine Framing'");
        assertThat(vendor.get("suggested").get("id").asText()).isEqualTo(fx.pcLonePine.ref().id());
        assertThat(vendor.get("suggested").get("name").asText()).isEqualTo("Lone Pine Framing LLC");
        assertThat(vendor.get("waitingKeys").get(0).asText()).isEqualTo(bill.ref().key());
        assertThat(vendor.get("nameMatches")).isEmpty();
    }

    @Test
    void targetsListTheOtherSystemsVendorsAndAnUnknownKindIs400() throws IOException {
        JsonNode targets = body(send(get("/api/targets?kind=VENDOR"))).get("targets");
        assertThat(targets).extracting(t -> t.get("id").asText()).contains(fx.pcLonePine.ref().id());
        assertThat(send(get("/api/targets?kind=SPACESHIP")).status()).isEqualTo(400);
        assertThat(send(get("/api/waiting?connection=nope")).status()).isEqualTo(404);
        assertThat(send(get("/api/nothing-here")).status()).isEqualTo(404);
    }

    @Test
    void healthListsTheStreams() throws IOException {
        fx.engine.pollOnce(ConsoleFixture.CONNECTION);
        JsonNode b = body(send(get("/api/health")));
        assertThat(b.get("health").get("status").asText()).isNotBlank();
        assertThat(b.get("streams").size()).isGreaterThan(0);
        assertThat(b.get("streams").get(0).get("connectionId").asText()).isEqualTo("acme");
        assertThat(b.get("streams").get(0).has("failing")).isTrue();
    }

    // ------------------------------------------------------------------ writes

    @Test
    void writesNeedAPostWithAJsonBody() {
        assertThat(send(get("/api/mappings/confirm")).status()).isEqualTo(405);
        assertThat(send(post("/api/mappings/confirm", "{}").header("Content-Type", "text/plain")).status())
                .isEqualTo(415);
        assertThat(send(post("/api/mappings/confirm", "not json")).status()).isEqualTo(400);
        assertThat(send(post("/api/mappings/confirm", "{\"kind\":\"VENDOR\"}")).status()).isEqualTo(400);
        assertThat(send(post("/api/mappings/confirm", "{\"kind\":\"VENDOR\",\"sourceId\":\"nobody\"}")).status())
                .isEqualTo(404);
        assertThat(fx.audit.all()).noneMatch(e -> e.outcome() == AuditOutcome.MAPPING_EDITED);
    }

    @Test
    void confirmingTheSuggestionIsAuditedWithTheOperatorAndReplayPostsTheBill() throws IOException {
        SourceDocument bill = fx.flaggedBill();
        String vendorId = fx.lonePine.ref().id();

        ConsoleResponse confirm = send(post("/api/mappings/confirm", "{\"kind\":\"VENDOR\",\"sourceId\":\"" + vendorId
                + "\"}").header(ConsoleApi.OPERATOR_HEADER, "Alice <script>"));

        assertThat(confirm.status()).isEqualTo(200);
        JsonNode edit = body(confirm).get("edit");
        assertThat(edit.get("who").asText()).isEqualTo("console:Alice script");
        assertThat(edit.get("before").get("status").asText()).isEqualTo("SUGGESTED");
        assertThat(edit.get("after").get("status").asText()).isEqualTo("CONFIRMED");
        assertThat(fx.mappings.find("acme", MappingKind.VENDOR, vendorId).orElseThrow().status())
                .isEqualTo(MappingStatus.CONFIRMED);
        List<AuditEvent> edits = fx.audit.all().stream().filter(e -> e.outcome() == AuditOutcome.MAPPING_EDITED)
                .toList();
        assertThat(edits).hasSize(1);
        assertThat(edits.get(0).details()).containsEntry("who", "console:Alice script")
                .containsEntry("beforeStatus", "SUGGESTED").containsEntry("afterStatus", "CONFIRMED");

        ConsoleResponse replay = send(post("/api/replay", "{\"kind\":\"VENDOR\",\"sourceId\":\"" + vendorId + "\"}"));
        fx.engine.drain();

        assertThat(replay.status()).isEqualTo(200);
        assertThat(body(replay).get("replay").get("requeued").asInt()).isEqualTo(1);
        assertThat(body(replay).get("replay").get("keys").get(0).asText()).isEqualTo(bill.ref().key());
        assertThat(fx.pc.posted(TargetKind.REQUISITION)).hasSize(1);
        assertThat(body(send(get("/api/waiting"))).get("records")).isEmpty();
    }

    @Test
    void pickingATargetSetsTheMappingAndReplayingOneRecordByKeyPostsIt() throws IOException {
        SourceDocument bill = fx.flaggedBill();

        ConsoleResponse set = send(post("/api/mappings/set", "{\"kind\":\"VENDOR\",\"sourceId\":\""
                + fx.lonePine.ref().id() + "\",\"targetId\":\"" + fx.pcLonePine.ref().id() + "\"}"));
        assertThat(set.status()).isEqualTo(200);
        assertThat(body(set).get("edit").get("who").asText()).isEqualTo("console");
        assertThat(send(post("/api/mappings/set", "{\"kind\":\"VENDOR\",\"sourceId\":\"x\",\"targetId\":\"404404\"}"))
                .status()).isEqualTo(400);

        ConsoleResponse replay = send(post("/api/replay", "{\"key\":\"" + bill.ref().key() + "\"}"));
        fx.engine.drain();

        assertThat(body(replay).get("replay").get("requeued").asInt()).isEqualTo(1);
        assertThat(fx.pc.posted(TargetKind.REQUISITION)).hasSize(1);
    }

    // ------------------------------------------------------------------ reconciliation

    @Test
    void reconciliationAnswersJsonAndACsvDownloadForTheChosenMonth() throws IOException {
        fx.flaggedBill();

        ConsoleResponse r = send(get("/api/reconciliation?period=2024-05"));
        assertThat(r.status()).isEqualTo(200);
        JsonNode report = body(r);
        assertThat(report.get("period").asText()).isEqualTo("2024-05");
        assertThat(report.get("summary").get("flagged").asInt()).isEqualTo(1);

        ConsoleResponse csv = send(get("/api/reconciliation?period=2024-05&format=csv"));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.headers().get("Content-Disposition"))
                .isEqualTo("attachment; filename=\"reconciliation-acme-2024-05.csv\"");
        assertThat(csv.bodyText()).isEqualTo(fx.engine.reconcile("acme", YearMonth.of(2024, 5)).toCsv());

        assertThat(send(get("/api/reconciliation?period=May")).status()).isEqualTo(400);
    }

    @Test
    void latestStoredReportsComeFromTheSeamWithTheirCsv() throws IOException {
        StoredReport april = new StoredReport(YearMonth.of(2024, 4), Instant.parse("2024-05-03T02:00:00Z"),
                List.of("bill B-3: 100.00 in FreshBooks, 90.00 in Procore"), "kind,key\nDIFFERENT,freshbooks:bill:3\n");
        console = fx.console(connectionId -> connectionId.equals("acme") ? List.of(april) : List.of());

        JsonNode reports = body(send(get("/api/reports"))).get("reports");

        assertThat(reports).hasSize(1);
        assertThat(reports.get(0).get("period").asText()).isEqualTo("2024-04");
        assertThat(reports.get(0).get("differences").get(0).asText()).startsWith("bill B-3");
        assertThat(reports.get(0).get("hasCsv").asBoolean()).isTrue();
        ConsoleResponse csv = send(get("/api/reports/csv?period=2024-04"));
        assertThat(csv.bodyText()).isEqualTo(april.csv());
        assertThat(send(get("/api/reports/csv?period=2024-03")).status()).isEqualTo(404);
        assertThat(body(fx.console(StoredReports.none()).handle(get("/api/reports").build())).get("reports"))
                .isEmpty();
    }
}
