package io.mlconnector.testkit.procore;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.testkit.support.TestHttp;
import io.mlconnector.testkit.support.TestHttp.Resp;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The sandbox refuses what Procore's spec does not allow, before any route sees the request. */
class ProcoreSpecConformanceTest {

    @RegisterExtension
    final ProcoreSandboxExtension ext = ProcoreSandboxExtension.create();

    private TestHttp http;
    private String[] auth;
    private ProcoreProject tower;

    @BeforeEach
    void setUp() {
        ProcoreSandbox pc = ext.sandbox();
        http = new TestHttp(pc.baseUrl());
        Company acme = pc.seed().company("Acme");
        tower = pc.seed().project(acme.id(), "Tower");
        auth = new String[] {"Authorization", "Bearer " + pc.issueToken(), "Procore-Company-Id",
            Long.toString(acme.id())};
    }

    @Test
    void anOperationProcoreDoesNotPublish_is404() {
        Resp r = http.get("/rest/v1.0/webhooks/hooks/42?project_id=" + tower.id(), auth);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.json().path("error").asText()).isEqualTo("Resource not found");
        assertThat(http.get("/rest/v1.1/projects/" + tower.id() + "/direct_costs/1/line_items", auth).status())
            .isEqualTo(404);
    }

    @Test
    void aMissingRequiredQueryParameter_is400() {
        Resp r = http.get("/rest/v1.0/contract_payments?project_id=" + tower.id(), auth);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("error").asText()).contains("contract_id");
        assertThat(http.get("/rest/v1.0/webhooks/hooks", auth).status()).isEqualTo(400);
        assertThat(http.get("/rest/v1.0/webhooks/hooks?project_id=" + tower.id(), auth).status()).isEqualTo(200);
    }

    @Test
    void aMissingRequiredBodyField_is422WithTheFieldsName() {
        Resp r = http.patchJson("/rest/v1.1/requisitions/1", "{\"project_id\":" + tower.id() + "}", auth);
        assertThat(r.status()).isEqualTo(422);
        assertThat(r.json().path("errors").path("commitment_id").get(0).asText()).isEqualTo("can't be blank");
        Resp nested = http.postJson("/rest/v1.0/vendors", "{\"company_id\":1,\"vendor\":{\"abbreviated_name\":\"X\"}}",
            auth);
        assertThat(nested.status()).isEqualTo(422);
        assertThat(nested.json().path("errors").has("name")).isTrue();
    }

    @Test
    void withoutAValidToken_theAnswerIs401_notAParameterComplaint() {
        assertThat(http.get("/rest/v1.0/contract_payments?project_id=" + tower.id(), "Authorization",
            "Bearer nope").status()).isEqualTo(401);
    }

    @Test
    void theOAuthTokenEndpoint_answersAMissingCredentialTheOAuthWay() {
        Resp r = http.postForm("/oauth/token", "grant_type=client_credentials&client_id=x");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().path("error").asText()).isEqualTo("invalid_request");
    }
}
