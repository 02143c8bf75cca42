package io.mlconnector.testkit.ports;

import io.mlconnector.core.model.DocumentKind;
import io.mlconnector.core.model.DocumentLine;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.Money;
import io.mlconnector.core.model.SourceDocument;
import io.mlconnector.core.model.Systems;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Fluent seed for a bill or invoice of an {@link InMemoryAccountingSystem}; {@link #save()} stores it (assigning
 * id, version and total) and returns the stored document. Not thread-safe; use it from one test thread.
 */
public final class DocumentSeed {
    private final DocumentKind kind;
    private final ExternalRef counterparty;
    private final UnaryOperator<SourceDocument> saver;
    private String id;
    private String number;
    private ExternalRef project;
    private LocalDate issueDate;
    private LocalDate dueDate;
    private String currency = "USD";
    private final List<DocumentLine> lines = new ArrayList<>();

    DocumentSeed(DocumentKind kind, ExternalRef counterparty, LocalDate defaultIssueDate,
                 UnaryOperator<SourceDocument> saver) {
        this.kind = kind;
        this.counterparty = counterparty;
        this.issueDate = defaultIssueDate;
        this.saver = saver;
    }

    /**
     * Uses a given id instead of an assigned one.
     *
     * @param id the document id
     * @return this seed
     */
    public DocumentSeed id(String id) {
        this.id = id;
        return this;
    }

    /**
     * The number people see (bill number, invoice number).
     *
     * @param number the number
     * @return this seed
     */
    public DocumentSeed number(String number) {
        this.number = number;
        return this;
    }

    /**
     * The accounting-side project named on the document.
     *
     * @param projectId the project id
     * @return this seed
     */
    public DocumentSeed project(String projectId) {
        this.project = projectId == null ? null
                : ExternalRef.of(Systems.FRESHBOOKS, InMemoryAccountingSystem.TYPE_PROJECT, projectId);
        return this;
    }

    /**
     * Issue date (default: today on the port's clock, UTC).
     *
     * @param date the issue date
     * @return this seed
     */
    public DocumentSeed issued(LocalDate date) {
        this.issueDate = Objects.requireNonNull(date, "date");
        return this;
    }

    /**
     * Due date.
     *
     * @param date the due date
     * @return this seed
     */
    public DocumentSeed due(LocalDate date) {
        this.dueDate = date;
        return this;
    }

    /**
     * Document currency (default USD); lines added afterwards use it.
     *
     * @param currency an ISO 4217 code, e.g. {@code USD}
     * @return this seed
     */
    public DocumentSeed currency(String currency) {
        this.currency = Objects.requireNonNull(currency, "currency");
        return this;
    }

    /**
     * A bill line posting {@code amount} to expense category {@code categoryId}.
     *
     * @param categoryId the expense category id
     * @param description the line text
     * @param amount a decimal amount in the current currency, e.g. {@code "125.00"}
     * @return this seed
     */
    public DocumentSeed line(String categoryId, String description, String amount) {
        ExternalRef gl = categoryId == null ? null
                : ExternalRef.of(Systems.FRESHBOOKS, InMemoryAccountingSystem.TYPE_CATEGORY, categoryId);
        return line(new DocumentLine(lines.size() + 1, description, gl, null, null, BigDecimal.ONE,
                Money.of(amount, currency)));
    }

    /**
     * An invoice line selling item {@code itemId} (may be null for a line with no item).
     *
     * @param itemId the item id, or null
     * @param description the line text
     * @param amount a decimal amount in the current currency, e.g. {@code "125.00"}
     * @return this seed
     */
    public DocumentSeed itemLine(String itemId, String description, String amount) {
        ExternalRef item = itemId == null ? null
                : ExternalRef.of(Systems.FRESHBOOKS, InMemoryAccountingSystem.TYPE_ITEM, itemId);
        return line(new DocumentLine(lines.size() + 1, description, null, item, null, BigDecimal.ONE,
                Money.of(amount, currency)));
    }

    /**
     * Any line, as given.
     *
     * @param line the line
     * @return this seed
     */
    public DocumentSeed line(DocumentLine line) {
        lines.add(Objects.requireNonNull(line, "line"));
        return this;
    }

    /**
     * Stores the document and returns it as stored (id, version and total filled in).
     *
     * @return the document as stored, with its id and version
     */
    public SourceDocument save() {
        String type = kind == DocumentKind.BILL ? InMemoryAccountingSystem.TYPE_BILL : InMemoryAccountingSystem.TYPE_INVOICE;
        ExternalRef ref = id == null ? null : ExternalRef.of(Systems.FRESHBOOKS, type, id);
        return saver.apply(new SourceDocument(ref, kind, number, counterparty, project, issueDate, dueDate, currency,
                lines, null, null, false));
    }
}
