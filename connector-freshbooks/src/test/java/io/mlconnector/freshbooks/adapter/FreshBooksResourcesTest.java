package io.mlconnector.freshbooks.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.core.port.RecordKind;
import io.mlconnector.core.port.SourceStream;
import org.junit.jupiter.api.Test;

class FreshBooksResourcesTest {

    @Test
    void webhookResourceNames_classifyIntoRecordKinds() {
        assertThat(FreshBooksResources.kindOf("bill")).contains(RecordKind.BILL);
        assertThat(FreshBooksResources.kindOf(" Invoices ")).contains(RecordKind.INVOICE);
        assertThat(FreshBooksResources.kindOf("billpayment")).contains(RecordKind.BILL_PAYMENT);
        assertThat(FreshBooksResources.kindOf("payment")).contains(RecordKind.INVOICE_PAYMENT);
        assertThat(FreshBooksResources.kindOf("bill_vendor")).contains(RecordKind.VENDOR);
        assertThat(FreshBooksResources.kindOf("projects")).contains(RecordKind.PROJECT);
        assertThat(FreshBooksResources.kindOf("expense_category")).contains(RecordKind.CATEGORY);
    }

    @Test
    void unknownOrMissingResourceNames_areEmpty() {
        assertThat(FreshBooksResources.kindOf("estimate")).isEmpty();
        assertThat(FreshBooksResources.kindOf("callback")).isEmpty();
        assertThat(FreshBooksResources.kindOf(null)).isEmpty();
    }

    @Test
    void streams_areTheAccountingStreamsInPollingOrder() {
        assertThat(FreshBooksResources.STREAMS).containsExactly(SourceStream.BILLS, SourceStream.INVOICES,
                SourceStream.BILL_PAYMENTS, SourceStream.INVOICE_PAYMENTS, SourceStream.VENDORS);
    }
}
