package io.mlconnector.procore.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.core.port.RecordKind;
import io.mlconnector.core.port.SourceStream;
import org.junit.jupiter.api.Test;

class ProcoreResourcesTest {

    @Test
    void webhookResourceNames_classifyWithoutCaseSpacesOrUnderscores() {
        assertThat(ProcoreResources.kindOf("Change Order Packages")).contains(RecordKind.CHANGE_ORDER);
        assertThat(ProcoreResources.kindOf("commitment_change_order")).contains(RecordKind.CHANGE_ORDER);
        assertThat(ProcoreResources.kindOf("Prime Contract Change Orders")).contains(RecordKind.PRIME_CHANGE_ORDER);
        assertThat(ProcoreResources.kindOf("Direct Costs")).contains(RecordKind.DIRECT_COST);
        assertThat(ProcoreResources.kindOf("Budget Modifications")).contains(RecordKind.BUDGET_CHANGE);
        assertThat(ProcoreResources.kindOf("Company Vendors")).contains(RecordKind.VENDOR);
        assertThat(ProcoreResources.kindOf("Projects")).contains(RecordKind.PROJECT);
        assertThat(ProcoreResources.kindOf("Cost Codes")).contains(RecordKind.COST_CODE);
    }

    @Test
    void unknownOrMissingResourceNames_areEmpty() {
        assertThat(ProcoreResources.kindOf("RFIs")).isEmpty();
        assertThat(ProcoreResources.kindOf(null)).isEmpty();
    }

    @Test
    void streams_areTheProjectStreamsInPollingOrder_withoutBudgetChanges() {
        assertThat(ProcoreResources.STREAMS).containsExactly(SourceStream.CHANGE_ORDERS,
                SourceStream.PRIME_CHANGE_ORDERS, SourceStream.DIRECT_COSTS);
    }
}
