package io.mlconnector.procore.request;

/**
 * Writable fields of a line item type (cost type); the code is written as {@code csv_import_code}.
 *
 * @param id sync only
 */
public record LineItemTypeInput(Long id,
                                String name,
                                String csvImportCode,
                                String baseType,
                                String originId,
                                String originData) {
}
