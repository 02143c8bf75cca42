package io.mlconnector.jdbc;

import java.util.Objects;

/**
 * One versioned schema migration, as shipped in the jar or as recorded in the schema-history table.
 *
 * @param version     positive, increasing version ({@code V1__init.sql} is version 1)
 * @param description short description from the file name ({@code init})
 * @param checksum    SHA-256 (hex) of the script text before the table prefix is substituted
 */
public record SchemaMigration(int version, String description, String checksum) {
    /**
     * Checks the components.
     *
     * @param version positive, increasing version ({@code V1__init.sql} is version 1)
     * @param description short description from the file name ({@code init})
     * @param checksum SHA-256 (hex) of the script text before the table prefix is substituted
     */
    public SchemaMigration {
        if (version < 1) {
            throw new IllegalArgumentException("migration version must be positive: " + version);
        }
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(checksum, "checksum");
    }
}
