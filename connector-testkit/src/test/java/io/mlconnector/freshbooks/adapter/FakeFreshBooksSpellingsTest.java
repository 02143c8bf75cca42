package io.mlconnector.freshbooks.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.core.testing.MutableClock;
import io.mlconnector.testkit.ports.InMemoryAccountingSystem;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The in-memory FreshBooks port keeps its own copy of the FreshBooks adapter's resource spellings and streams (the
 * testkit cannot depend on the adapter at run time); this test, in the adapter's package, keeps the copies equal.
 */
class FakeFreshBooksSpellingsTest {
    private static final List<String> SPELLINGS = List.of("bill", "Bills", " bill ", "invoice", "invoices",
            "bill_payment", "bill_payments", "billpayment", "payment", "payments", "invoice_payment",
            "invoice_payments", "bill_vendor", "bill_vendors", "vendor", "vendors", "project", "projects", "category",
            "categories", "expense_category", "expense", "client", "", "Change Order Packages");

    private final InMemoryAccountingSystem fake = new InMemoryAccountingSystem("ACC1",
            MutableClock.at("2024-05-01T00:00:00Z"));

    @Test
    void theFakeClassifiesEveryResourceAsTheAdapterDoes_andPollsTheSameStreams() {
        for (String resource : SPELLINGS) {
            assertThat(fake.recordKindOf(resource)).as(resource).isEqualTo(FreshBooksResources.kindOf(resource));
        }
        assertThat(fake.recordKindOf(null)).isEqualTo(FreshBooksResources.kindOf(null));
        assertThat(fake.streams()).isEqualTo(FreshBooksResources.STREAMS);
    }
}
