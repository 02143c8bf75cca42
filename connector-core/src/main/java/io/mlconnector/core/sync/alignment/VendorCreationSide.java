package io.mlconnector.core.sync.alignment;

/** Where reference-data alignment creates vendors that exist on one side only. */
public enum VendorCreationSide {
    /** Create nothing; vendors found on one side only are reported as unmatched. */
    NONE,
    /** Create accounting vendors missing in the project system (batched upsert, origin id = accounting vendor id). */
    PROJECT_SYSTEM,
    /** Create project-system vendors missing in the accounting system (one create per vendor). */
    ACCOUNTING_SYSTEM
}
