package io.mlconnector.core.sync.reconcile;

import io.mlconnector.core.mapping.Mapping;
import io.mlconnector.core.mapping.MappingKind;
import io.mlconnector.core.mapping.MappingStore;
import io.mlconnector.core.model.DocumentKind;
import io.mlconnector.core.model.DocumentLine;
import io.mlconnector.core.model.Money;
import io.mlconnector.core.model.SourceDocument;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves, through confirmed mappings only, the project-system project of an accounting document and the cost code
 * of each of its lines, the way the engine posts them: bill line → {@code GL_ACCOUNT}; invoice line → {@code ITEM},
 * else the project's {@code PROJECT_DEFAULT_COST_CODE}; document → {@code PROJECT}, else {@code VENDOR_PROJECT}
 * (bills) / {@code CLIENT_PROJECT} (invoices).
 */
final class CostCodeAllocator {
    private final String connectionId;
    private final MappingStore mappings;

    CostCodeAllocator(String connectionId, MappingStore mappings) {
        this.connectionId = connectionId;
        this.mappings = mappings;
    }

    /** The project-system project id of a document, or null when no confirmed mapping names one. */
    String projectOf(SourceDocument doc) {
        if (doc.project() != null) {
            Optional<String> p = confirmed(MappingKind.PROJECT, doc.project().id());
            if (p.isPresent()) {
                return p.get();
            }
        }
        if (doc.counterparty() == null) {
            return null;
        }
        MappingKind kind = doc.kind() == DocumentKind.BILL ? MappingKind.VENDOR_PROJECT : MappingKind.CLIENT_PROJECT;
        return confirmed(kind, doc.counterparty().id()).orElse(null);
    }

    /** Line amounts summed per cost code (null key: no mapping), in line order. */
    Map<String, Money> allocate(SourceDocument doc, String projectId) {
        Map<String, Money> out = new LinkedHashMap<>();
        for (DocumentLine line : doc.lines()) {
            String code = costCodeOf(doc.kind(), line, projectId);
            out.merge(code, line.amount(), Money::plus);
        }
        return out;
    }

    private String costCodeOf(DocumentKind kind, DocumentLine line, String projectId) {
        if (kind == DocumentKind.BILL) {
            return line.glAccount() == null ? null : confirmed(MappingKind.GL_ACCOUNT, line.glAccount().id()).orElse(null);
        }
        if (line.item() != null) {
            Optional<String> byItem = confirmed(MappingKind.ITEM, line.item().id());
            if (byItem.isPresent()) {
                return byItem.get();
            }
        }
        return projectId == null ? null : confirmed(MappingKind.PROJECT_DEFAULT_COST_CODE, projectId).orElse(null);
    }

    private Optional<String> confirmed(MappingKind kind, String sourceId) {
        return mappings.find(connectionId, kind, sourceId).filter(Mapping::isConfirmed).map(Mapping::targetId);
    }
}
