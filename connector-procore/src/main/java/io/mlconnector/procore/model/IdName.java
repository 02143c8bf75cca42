package io.mlconnector.procore.model;

/**
 * A reference to another Procore object by id and name (project, office, stage, reviewer…).
 */
public record IdName(Long id,
                     String name) {
}
