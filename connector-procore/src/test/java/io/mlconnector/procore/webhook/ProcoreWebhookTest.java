package io.mlconnector.procore.webhook;

import io.mlconnector.core.error.ConfigurationException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.port.InboundEvent;
import io.mlconnector.core.webhook.WebhookRequest;
import io.mlconnector.core.webhook.WebhookVerificationException;
import io.mlconnector.core.webhook.WebhookVerificationException.Reason;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcoreWebhookTest {
    private static final String V2 = """
            {"id": 5982324300946918199, "ulid": "01JAAAAAAAAAAAAAAAAAAAAAAA", "timestamp": "2026-01-02T03:04:05.123456Z",
             "metadata": {"source_user_id": 55, "source_project_id": 3000000001, "source_operation_id": null,
                          "source_company_id": 4000000002, "source_application_id": "our-client-id"},
             "user_id": 55, "company_id": 4000000002, "project_id": 3000000001, "api_version": "v2.0",
             "event_type": "update", "resource_name": "Change Order Packages", "resource_id": 777}""";
    private static final String V2_LEGACY = """
            {"api_version": "v2", "company_id": 6452, "event_type": "create", "id": 11301387632,
             "metadata": {"source_application_id": null, "source_company_id": 6452, "source_operation_id": null,
                          "source_project_id": 2195, "source_user_id": 14},
             "project_id": 2195, "resource_id": 245, "resource_name": "Purchase Order Contracts",
             "timestamp": "2021-07-20T15:22:01.353581Z", "ulid": "01EDPD2J6SBY1163N77H95GW10", "user_id": 14}""";
    private static final String V3 = """
            {"id": 42, "ulid": "0B1C2D3E4F5G6H7I8J9K0LMN", "timestamp": "2026-01-02T03:04:05Z",
             "metadata": {"source_user_id": 1, "source_project_id": 2, "source_operation_id": "op-9",
                          "source_company_id": 3, "source_application_id": null},
             "user_id": 1, "company_id": 3, "project_id": 2, "api_version": "v3.0", "event_type": "delete",
             "resource_name": "Direct Cost Line Items", "resource_id": 5555,
             "related_resources": [{"id": 4444, "name": "Direct Costs"}]}""";
    private static final String V4 = """
            {"id": "01JMYXMZRBVKK0PC6XS8SA4QRF", "timestamp": "2026-02-25T16:04:43.619085Z", "reason": "update",
             "company_id": "18", "project_id": "6779", "user_id": "5448", "resource_type": "Direct Costs",
             "resource_id": "379914"}""";

    private final ProcoreWebhookParser parser = new ProcoreWebhookParser();

    private static WebhookRequest body(String json, String authorization) {
        return authorization == null ? WebhookRequest.of(Map.of("Content-Type", "application/json"), json)
                : WebhookRequest.of(Map.of("Content-Type", "application/json", "authorization", authorization), json);
    }

    @Test
    void v2_keepsThe19DigitIdExactly_andMapsToInboundEvent() {
        ProcoreWebhookEvent e = parser.event(body(V2, null));
        assertThat(e.id()).isEqualTo("5982324300946918199");
        assertThat(e.companyId()).isEqualTo(4000000002L);
        assertThat(e.projectId()).isEqualTo(3000000001L);
        assertThat(e.timestamp()).isEqualTo(Instant.parse("2026-01-02T03:04:05.123456Z"));
        assertThat(e.sourceApplicationId()).isEqualTo("our-client-id");
        assertThat(e.metadata().sourceCompanyId()).isEqualTo(4000000002L);

        InboundEvent in = parser.parse(body(V2, null));
        assertThat(in.routingKey()).isEqualTo("4000000002");
        assertThat(in.subject()).isEqualTo(new ExternalRef("procore", "change_order_package", "777"));
        assertThat(in.action()).isEqualTo("update");
        assertThat(in.eventId()).isEqualTo("01JAAAAAAAAAAAAAAAAAAAAAAA");
        assertThat(in.projectId()).isEqualTo("3000000001");
        assertThat(in.handshake()).isFalse();
        assertThat(in.attribute("source_application_id")).isEqualTo("our-client-id");
        assertThat(in.attribute("resource_name")).isEqualTo("Change Order Packages");
        assertThat(in.attribute("api_version")).isEqualTo("v2.0");
        assertThat(in.attribute("source_user_id")).isEqualTo("55");
    }

    @Test
    void legacyV2_apiVersionV2_purchaseOrder() {
        InboundEvent in = parser.parse(body(V2_LEGACY, null));
        assertThat(in.subject()).isEqualTo(new ExternalRef("procore", "purchase_order_contract", "245"));
        assertThat(in.action()).isEqualTo("create");
        assertThat(in.attribute("api_version")).isEqualTo("v2");
        assertThat(in.attribute("source_application_id")).isNull();
    }

    @Test
    void v3_relatedResources_routeALineItemEventToItsParent() {
        ProcoreWebhookEvent e = parser.event(body(V3, null));
        assertThat(e.relatedResources()).containsExactly(new ProcoreWebhookEvent.RelatedResource(4444, "Direct Costs"));
        assertThat(e.metadata().sourceOperationId()).isEqualTo("op-9");
        InboundEvent in = parser.parse(body(V3, null));
        assertThat(in.subject()).isEqualTo(new ExternalRef("procore", "direct_cost", "4444"));
        assertThat(in.attribute("line_item_id")).isEqualTo("5555");
        assertThat(in.attribute("resource_name")).isEqualTo("Direct Costs");
        assertThat(in.attribute("line_item_resource_name")).isEqualTo("Direct Cost Line Items");
        assertThat(in.action()).isEqualTo("delete");
        assertThat(in.eventId()).isEqualTo("0B1C2D3E4F5G6H7I8J9K0LMN");
    }

    @Test
    void v4_stringIds_reason_resourceType_noMetadata() {
        ProcoreWebhookEvent e = parser.event(body(V4, null));
        assertThat(e.apiVersion()).isEqualTo("v4.0");
        assertThat(e.ulid()).isNull();
        assertThat(e.metadata()).isNull();
        assertThat(e.userId()).isEqualTo(5448L);
        InboundEvent in = parser.parse(body(V4, null));
        assertThat(in.routingKey()).isEqualTo("18");
        assertThat(in.subject()).isEqualTo(new ExternalRef("procore", "direct_cost", "379914"));
        assertThat(in.eventId()).isEqualTo("01JMYXMZRBVKK0PC6XS8SA4QRF");
        assertThat(in.projectId()).isEqualTo("6779");
        assertThat(in.action()).isEqualTo("update");
        assertThat(in.attribute("source_application_id")).isNull();
    }

    @Test
    void companyLevelEvents_haveNoProject_andResourceNamesMapToRefTypes() {
        String vendor = "{\"id\":1,\"ulid\":\"u\",\"timestamp\":\"2026-01-01T00:00:00Z\",\"company_id\":9,"
                + "\"event_type\":\"update\",\"resource_name\":\"Company Vendors\",\"resource_id\":31}";
        InboundEvent in = parser.parse(body(vendor, null));
        assertThat(in.projectId()).isNull();
        assertThat(in.subject().type()).isEqualTo("vendor");
        String cco = vendor.replace("Company Vendors", "Commitment Change Orders").replace("\"company_id\":9,", "\"company_id\":9,\"project_id\":4,");
        InboundEvent ccoEvent = parser.parse(body(cco, null));
        assertThat(ccoEvent.subject()).isEqualTo(new ExternalRef("procore", "commitment_change_order", "commitment_change_order:31"));
        assertThat(ccoEvent.projectId()).isEqualTo("4");
        assertThat(ProcoreResourceTypes.typeOf("Budget Changes")).isEqualTo("budget_change");
        assertThat(ProcoreResourceTypes.typeOf("Projects")).isEqualTo("project");
        assertThat(ProcoreResourceTypes.typeOf("Commitment Change Orders")).isEqualTo("commitment_change_order");
        assertThat(ProcoreResourceTypes.typeOf("RFIs")).isEqualTo("rfi");
        assertThat(ProcoreResourceTypes.typeOf("Daily Log Entries")).isEqualTo("daily_log_entry");
    }

    @Test
    void malformedBodies_areRejectedAsMalformed() {
        for (String bad : new String[] {"not json", "[]", "{\"id\":1}",
                "{\"id\":1,\"company_id\":\"abc\",\"resource_id\":1,\"resource_name\":\"X\",\"event_type\":\"update\"}"}) {
            assertThatThrownBy(() -> parser.parse(body(bad, null)))
                    .isInstanceOfSatisfying(WebhookVerificationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED_BODY));
        }
    }

    @Test
    void verifier_acceptsTheStoredAuthorizationHeader_withOrWithoutBearer_andRotates() {
        ProcoreWebhookVerifier v = ProcoreWebhookVerifier.builder().secret("new-secret-123").secret("old-secret-456").build();
        v.verify(body(V2, "Bearer new-secret-123"));
        v.verify(body(V2, "old-secret-456"));
        v.verify(body(V2, ProcoreWebhookVerifier.headerValue("new-secret-123")));
        assertThat(ProcoreWebhookVerifier.headerValue("abc")).isEqualTo("Bearer abc");
    }

    @Test
    void verifier_rejectsMissingWrongAndOversizedWithTypedReasons_withoutLeakingTheSecret() {
        ProcoreWebhookVerifier v = ProcoreWebhookVerifier.builder().secret("new-secret-123").maxBodyBytes(100).build();
        assertThatThrownBy(() -> v.verify(body("{}", null)))
                .isInstanceOfSatisfying(WebhookVerificationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MISSING_HEADER));
        assertThatThrownBy(() -> v.verify(body("{}", "Bearer new-secret-124")))
                .isInstanceOfSatisfying(WebhookVerificationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_SIGNATURE))
                .hasMessageNotContaining("new-secret");
        assertThatThrownBy(() -> v.verify(body(V2, "Bearer new-secret-123")))
                .isInstanceOfSatisfying(WebhookVerificationException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BODY_TOO_LARGE));
        assertThat(v.toString()).doesNotContain("new-secret");
        assertThatThrownBy(() -> ProcoreWebhookVerifier.builder().secret(" ")).isInstanceOf(ConfigurationException.class);
    }

    @Test
    void hugeOrFractionalNumbers_areRefusedAsMalformed_withoutExpandingThem() {
        String huge = V3.replaceFirst("\"related_resources\"\\s*:\\s*\\[\\s*\\{\\s*\"id\"\\s*:\\s*[0-9]+",
                "\"related_resources\":[{\"id\":1e99999");
        assertThat(huge).contains("1e99999");
        // refused as a number that is not an integer, before anything turns it into a 100,000-digit BigInteger
        assertThatThrownBy(() -> parser.parse(body(huge, null)))
                .isInstanceOf(WebhookVerificationException.class)
                .satisfies(e -> assertThat(((WebhookVerificationException) e).reason())
                        .isEqualTo(WebhookVerificationException.Reason.MALFORMED_BODY))
                .hasMessageContaining("id is not an integer")
                .satisfies(e -> assertThat(e.getMessage()).as("the number was never expanded").hasSizeLessThan(200));

        assertThatThrownBy(() -> parser.parse(body(V2.replace("\"resource_id\": 777", "\"resource_id\": 777.5"), null)))
                .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("resource_id");
        assertThatThrownBy(() -> parser.parse(body(V2.replace("\"resource_id\": 777", "\"resource_id\": \""
                + "7".repeat(500) + "\""), null))).isInstanceOf(WebhookVerificationException.class);
    }
}
