package io.mlconnector.procore.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.core.testing.MutableClock;
import io.mlconnector.testkit.ports.InMemoryProjectSystem;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The in-memory Procore port keeps its own copy of the Procore adapter's resource spellings and streams (the testkit
 * cannot depend on the adapter at run time); this test, in the adapter's package, keeps the copies equal.
 */
class FakeProcoreSpellingsTest {
    private static final List<String> SPELLINGS = List.of("Change Order Packages", "change_order_package",
            "Commitment Change Orders", "Change Orders", "change order", "Prime Change Orders",
            "Prime Contract Change Orders", "prime_contract_change_order", "Direct Costs", "direct_cost",
            "Budget Changes", "Budget Modifications", "budget_change", "Company Vendors", "Project Vendors", "Vendors",
            "vendor", "Projects", "project", "Cost Codes", "cost_code", "Commitments", "RFIs", "", "bill");

    private final InMemoryProjectSystem fake = new InMemoryProjectSystem(42, MutableClock.at("2024-05-01T00:00:00Z"));

    @Test
    void theFakeClassifiesEveryResourceAsTheAdapterDoes_andPollsTheSameStreams() {
        for (String resource : SPELLINGS) {
            assertThat(fake.recordKindOf(resource)).as(resource).isEqualTo(ProcoreResources.kindOf(resource));
        }
        assertThat(fake.recordKindOf(null)).isEqualTo(ProcoreResources.kindOf(null));
        assertThat(fake.streams()).isEqualTo(ProcoreResources.STREAMS);
    }
}
