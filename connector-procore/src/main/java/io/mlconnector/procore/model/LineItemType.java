package io.mlconnector.procore.model;

/**
 * A line item type, which the UI calls a cost type ({@code /rest/v1.0/line_item_types}); written as {@code csv_import_code}, read as {@code code}.
 */
public record LineItemType(long id,
                           String name,
                           String code,
                           String baseType,
                           String originId,
                           String originData) {
}
