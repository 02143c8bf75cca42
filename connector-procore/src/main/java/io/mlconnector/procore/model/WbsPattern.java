package io.mlconnector.procore.model;

import java.util.List;

/**
 * The company's WBS pattern ({@code GET /rest/v1.0/companies/{c}/work_breakdown_structure/patterns}).
 */
public record WbsPattern(long id,
                         List<WbsSegment> segments) {
}
