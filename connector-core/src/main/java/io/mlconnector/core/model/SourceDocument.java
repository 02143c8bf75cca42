package io.mlconnector.core.model;

import java.time.LocalDate;
import java.util.List;

/**
 * A bill or invoice read from the accounting system, with its lines.
 *
 * @param ref          the document
 * @param kind         bill or invoice
 * @param number       the document number shown to people
 * @param counterparty vendor (bill) or client (invoice)
 * @param project      the project named on the document, when the system has one; may be null
 * @param issueDate    issue date
 * @param dueDate      due date, may be null
 * @param currency     ISO currency of the document
 * @param lines        lines
 * @param total        total before tax (sum of lines)
 * @param version      the system's change stamp (e.g. {@code updated_at}); distinguishes a change from a repeat
 * @param deleted      true when deleted/voided in the source
 */
public record SourceDocument(ExternalRef ref, DocumentKind kind, String number, ExternalRef counterparty,
                             ExternalRef project, LocalDate issueDate, LocalDate dueDate, String currency,
                             List<DocumentLine> lines, Money total, String version, boolean deleted) {
    /**
     * Checks the components.
     *
     * @param ref the document
     * @param kind bill or invoice
     * @param number the document number shown to people
     * @param counterparty vendor (bill) or client (invoice)
     * @param project the project named on the document, when the system has one; may be null
     * @param issueDate issue date
     * @param dueDate due date, may be null
     * @param currency ISO currency of the document
     * @param lines lines
     * @param total total before tax (sum of lines)
     * @param version the system's change stamp (e.g. {@code updated_at}); distinguishes a change from a repeat
     * @param deleted true when deleted/voided in the source
     */
    public SourceDocument {
        lines = List.copyOf(lines);
    }
}
