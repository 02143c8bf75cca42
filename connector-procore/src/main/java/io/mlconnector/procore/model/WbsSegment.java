package io.mlconnector.procore.model;

/**
 * A segment of the company's WBS pattern (sub job, cost code, cost type, custom).
 */
public record WbsSegment(long id,
                         String name,
                         String type,
                         Integer position,
                         String delimiter,
                         Boolean required,
                         Integer segmentItemsCount,
                         String structure) {
}
