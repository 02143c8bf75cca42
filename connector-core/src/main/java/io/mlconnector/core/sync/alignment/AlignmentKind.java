package io.mlconnector.core.sync.alignment;

import io.mlconnector.core.mapping.MappingKind;

/** The reference data alignment compares, each with the mapping kind it maintains. */
public enum AlignmentKind {
    /** Accounting vendors and project-system company vendors. */
    VENDOR(MappingKind.VENDOR),
    /** Accounting projects and project-system projects. */
    PROJECT(MappingKind.PROJECT),
    /** Accounting GL accounts (expense categories) and the cost codes of mapped projects. */
    GL_ACCOUNT(MappingKind.GL_ACCOUNT);

    private final MappingKind mappingKind;

    AlignmentKind(MappingKind mappingKind) {
        this.mappingKind = mappingKind;
    }

    /**
     * The mapping kind written for this reference data.
     *
     * @return the mapping kind written for this reference data
     */
    public MappingKind mappingKind() {
        return mappingKind;
    }
}
