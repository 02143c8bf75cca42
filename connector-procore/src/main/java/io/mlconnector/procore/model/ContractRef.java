package io.mlconnector.procore.model;

/**
 * A contract (commitment or prime contract) as embedded in other objects.
 */
public record ContractRef(Long id,
                          String type,
                          String title,
                          String number) {
}
