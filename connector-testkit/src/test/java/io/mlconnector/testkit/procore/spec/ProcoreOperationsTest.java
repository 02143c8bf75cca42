package io.mlconnector.testkit.procore.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProcoreOperationsTest {

    private final ProcoreOperations ops = ProcoreOperations.standard();
    private final ObjectMapper mapper = new ObjectMapper();

    private String id(String method, String path) {
        return ops.match(method, path).map(m -> m.operation().id()).orElse("(none)");
    }

    private JsonNode json(String text) throws Exception {
        return mapper.readTree(text);
    }

    @Test
    void theTableHoldsEveryPublishedOperation_sortedByPathThenMethod() {
        assertThat(ops.all()).hasSize(1076);
        assertThat(ops.all()).isSortedAccordingTo(Comparator.comparing(Operation::path)
            .thenComparing(Operation::method));
        assertThat(ops.byId("RestV10ContractPaymentsGet")).get().extracting(Operation::signature)
            .isEqualTo("GET /rest/v1.0/contract_payments");
    }

    @Test
    void literalSegmentsBeatParameters() {
        assertThat(id("PATCH", "/rest/v1.0/projects/7/direct_costs/sync"))
            .isEqualTo("RestV10ProjectsProjectIdDirectCostsSyncPatch");
        assertThat(id("GET", "/rest/v1.0/projects/7/direct_costs/line_items"))
            .isEqualTo("RestV10ProjectsProjectIdDirectCostsLineItemsGet");
        assertThat(id("GET", "/rest/v1.0/projects/7/direct_costs/9"))
            .isEqualTo("RestV10ProjectsProjectIdDirectCostsIdGet");
        assertThat(ops.match("GET", "/rest/v1.0/projects/7/direct_costs/9").orElseThrow().pathParams())
            .isEqualTo(Map.of("project_id", "7", "id", "9"));
    }

    @Test
    void versionsAndMethodsArePartOfTheOperation() {
        assertThat(id("PATCH", "/rest/v1.1/requisitions/5")).isEqualTo("RestV11RequisitionsIdPatch");
        assertThat(id("PATCH", "/rest/v1.0/requisitions/5")).isEqualTo("RestV10RequisitionsIdPatch");
        assertThat(id("DELETE", "/rest/v1.0/companies")).isEqualTo("(none)");
    }

    @Test
    void anOperationProcoreDoesNotPublish_isNotFound() {
        assertThat(ops.match("GET", "/rest/v1.0/webhooks/hooks/42")).isEmpty();
        assertThat(ops.match("GET", "/rest/v1.1/projects/7/direct_costs/9/line_items")).isEmpty();
        assertThat(ops.match("GET", "/rest/v1.0/change_order_packages/3/line_items")).isEmpty();
        assertThat(ops.match("GET", "/rest/v1.0/projects/7/direct_costs/9/extra")).isEmpty();
    }

    @Test
    void requiredQueryParameters_andEitherCompanyOrProject() {
        Operation payments = ops.byId("RestV10ContractPaymentsGet").orElseThrow();
        assertThat(payments.missingQuery(Set.of("project_id", "page"))).containsExactly("contract_id");
        assertThat(payments.missingQuery(Set.of("project_id", "contract_id"))).isEmpty();
        Operation hooks = ops.byId("RestV10WebhooksHooksGet").orElseThrow();
        assertThat(hooks.missingQuery(Set.of())).containsExactly("company_id|project_id");
        assertThat(hooks.missingQuery(Set.of("project_id"))).isEmpty();
        assertThat(hooks.missingQuery(Set.of("company_id"))).isEmpty();
    }

    @Test
    void requiredBodyFields_nestedOnesOnlyWhereTheParentIsPresent() throws Exception {
        Operation patch = ops.byId("RestV11RequisitionsIdPatch").orElseThrow();
        assertThat(patch.bodyRequired()).containsExactly("project_id", "commitment_id", "requisition.items[].id",
            "requisition.items[].item_type");
        assertThat(patch.missingBodyFields(json("{\"project_id\":1}"))).containsExactly("commitment_id");
        assertThat(patch.missingBodyFields(json("{\"project_id\":1,\"commitment_id\":2,\"requisition\":{\"items\":["
            + "{\"id\":3,\"item_type\":\"contract_item\"},{\"item_type\":\"contract_item\"},{\"id\":4,"
            + "\"item_type\":null}]}}"))).containsExactly("requisition.items[].id", "requisition.items[].item_type");
        assertThat(patch.missingBodyFields(json("{\"project_id\":1,\"commitment_id\":2,\"requisition\":{}}")))
            .isEmpty();
    }

    @Test
    void responsesAreRecordedForTheClientsOperationsOnly() {
        Operation list = ops.byId("RestV10ProjectsProjectIdDirectCostsGet").orElseThrow();
        OperationResponse response = list.successResponse().orElseThrow();
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.schema().get(0).path("vendor").asText()).isEqualTo("string");
        assertThat(ops.byId("RestV10ProjectsProjectIdDirectCostsIdGet").orElseThrow().successResponse().orElseThrow()
            .schema().path("vendor").isObject()).isTrue();
        assertThat(ops.byId("RestV10PrimeContractPost").orElseThrow().successResponse()).isEmpty();
    }

    @Test
    void parse_readsQueryBodyAndResponseFacts() {
        ProcoreOperations table = ProcoreOperations.parse("{\"op\":\"X\",\"method\":\"GET\",\"path\":\"/a/{id}\","
            + "\"query\":{\"p\":\"integer!\",\"q\":\"[string]\"},\"pathParams\":[\"id\"],\"bodyRequired\":[],"
            + "\"response\":{\"status\":200,\"schema\":{\"id\":\"integer\"}}}\n");
        Operation x = table.byId("X").orElseThrow();
        assertThat(x.query().values()).containsExactly(new QueryParam("p", "integer", true),
            new QueryParam("q", "[string]", false));
        assertThat(x.pathParams()).isEqualTo(List.of("id"));
        assertThat(x.successResponse().orElseThrow().schema().path("id").asText()).isEqualTo("integer");
        assertThat(table.match("GET", "/a/5")).isPresent();
    }
}
