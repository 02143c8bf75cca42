package io.mlconnector.core.sync.alignment;

/** Why two records were paired (or not). */
public enum MatchBasis {
    /** A confirmed row of the mapping table. */
    MAPPING_TABLE,
    /** The project-system record's external id ({@code origin_id}) is the accounting record's id. */
    ORIGIN_ID,
    /** An earlier suggestion still waiting for confirmation. */
    EARLIER_SUGGESTION,
    /** Equal normalised names. */
    NAME,
    /** The accounting account number equals the cost code. */
    CODE,
    /** Alignment created the missing record. */
    CREATED,
    /** Not paired. */
    NONE
}
