package io.mlconnector.testkit.ports;

import io.mlconnector.core.port.RecordKind;
import io.mlconnector.core.port.SourceStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The in-memory FreshBooks port's resource spellings and polled streams: a copy of the FreshBooks adapter's, kept equal by {@code FakeFreshBooksSpellingsTest}. */
final class FreshBooksResources {
    /** The accounting streams polled, once per connection, in polling order. */
    static final List<SourceStream> STREAMS = List.of(SourceStream.BILLS, SourceStream.INVOICES,
            SourceStream.BILL_PAYMENTS, SourceStream.INVOICE_PAYMENTS, SourceStream.VENDORS);

    /**
     * The kind of a FreshBooks resource name ({@code bill}, {@code invoice}, {@code payment}, {@code bill_payment},
     * {@code bill_vendor}); a few other spellings are accepted.
     */
    static Optional<RecordKind> kindOf(String resource) {
        if (resource == null) {
            return Optional.empty();
        }
        return switch (resource.trim().toLowerCase(Locale.ROOT)) {
            case "bill", "bills" -> Optional.of(RecordKind.BILL);
            case "invoice", "invoices" -> Optional.of(RecordKind.INVOICE);
            case "bill_payment", "bill_payments", "billpayment" -> Optional.of(RecordKind.BILL_PAYMENT);
            case "payment", "payments", "invoice_payment", "invoice_payments" ->
                    Optional.of(RecordKind.INVOICE_PAYMENT);
            case "bill_vendor", "bill_vendors", "vendor", "vendors" -> Optional.of(RecordKind.VENDOR);
            case "project", "projects" -> Optional.of(RecordKind.PROJECT);
            case "category", "categories", "expense_category" -> Optional.of(RecordKind.CATEGORY);
            default -> Optional.empty();
        };
    }

    private FreshBooksResources() {
    }
}
