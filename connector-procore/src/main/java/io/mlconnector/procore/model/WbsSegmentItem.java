package io.mlconnector.procore.model;

import java.util.List;

/**
 * An item of a WBS segment (e.g. a phase code).
 */
public record WbsSegmentItem(long id,
                             String code,
                             String name,
                             Long parentId,
                             String pathCode,
                             List<Long> pathIds,
                             List<String> pathCodes,
                             List<String> pathNames,
                             Boolean inUse,
                             WbsSegment segment,
                             String status,
                             Boolean isParent) {
}
