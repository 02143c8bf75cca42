package io.mlconnector.core.model;

/** What a {@link SourceDocument} is. */
public enum DocumentKind {
    /** A vendor bill (accounts payable). */
    BILL,
    /** A customer invoice (accounts receivable). */
    INVOICE
}
