package io.mlconnector.core.mapping;

/**
 * What a mapping links. Source ids are accounting-side (FreshBooks) unless noted; targets are project-side
 * (Procore) unless noted.
 */
public enum MappingKind {
    /** Accounting vendor id → project-system vendor id. */
    VENDOR,
    /** Accounting project id → project-system project id. */
    PROJECT,
    /** Accounting vendor id → project-system project id its bills go to (when bills name no project). */
    VENDOR_PROJECT,
    /** Accounting client id → project-system project id its invoices go to. */
    CLIENT_PROJECT,
    /** Accounting GL account (expense category) id → cost code (full code); attribute {@code costType}. */
    GL_ACCOUNT,
    /** Accounting item id → cost code (invoice lines); attribute {@code costType}. */
    ITEM,
    /** Project-system project id → default cost code for invoice lines with no item mapping. */
    PROJECT_DEFAULT_COST_CODE,
    /** Cost code (full code) → accounting expense category id (reverse direction). */
    COST_CODE_CATEGORY
}
