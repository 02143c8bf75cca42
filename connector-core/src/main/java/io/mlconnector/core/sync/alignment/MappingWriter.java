package io.mlconnector.core.sync.alignment;

import io.mlconnector.core.audit.AuditEvent;
import io.mlconnector.core.audit.AuditOutcome;
import io.mlconnector.core.audit.AuditSink;
import io.mlconnector.core.audit.Direction;
import io.mlconnector.core.mapping.Mapping;
import io.mlconnector.core.mapping.MappingKind;
import io.mlconnector.core.mapping.MappingStatus;
import io.mlconnector.core.mapping.MappingStore;
import io.mlconnector.core.model.ExternalRef;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Writes mapping rows for alignment, keeping the names of both sides in attributes and a readable label, and
 * audits every write as {@link AuditOutcome#MAPPING_CHANGED}.
 */
final class MappingWriter {
    /** Attribute: the source record's name. */
    static final String SOURCE_NAME = "sourceName";
    /** Attribute: the target record's name. */
    static final String TARGET_NAME = "targetName";
    /** Attribute: {@code false} when the source record is inactive or deleted. */
    static final String SOURCE_ACTIVE = "sourceActive";
    /** Attribute: {@code false} when the target record is inactive or deleted. */
    static final String TARGET_ACTIVE = "targetActive";

    private final String connectionId;
    private final MappingStore store;
    private final AuditSink audit;
    private final Clock clock;

    MappingWriter(String connectionId, MappingStore store, AuditSink audit, Clock clock) {
        this.connectionId = connectionId;
        this.store = store;
        this.audit = audit;
        this.clock = clock;
    }

    /** Writes (inserts or replaces) a link, keeping the attributes of an existing row. */
    Mapping link(MappingKind kind, ExternalRef sourceRef, String sourceId, String sourceName, ExternalRef targetRef,
                 String targetId, String targetName, MappingStatus status, String reason) {
        Mapping existing = store.find(connectionId, kind, sourceId).orElse(null);
        Map<String, String> attrs = new HashMap<>();
        if (existing != null && existing.targetId().equals(targetId)) {
            attrs.putAll(existing.attributes());
        }
        putName(attrs, SOURCE_NAME, sourceName);
        putName(attrs, TARGET_NAME, targetName);
        Mapping m = new Mapping(connectionId, kind, sourceId, targetId, attrs, status, label(kind, sourceId, targetId, attrs),
                clock.instant());
        store.put(m);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("kind", kind.name());
        details.put("status", status.name());
        if (existing != null && !existing.targetId().equals(targetId)) {
            details.put("previousTarget", existing.targetId());
        }
        if (existing != null && existing.status() != status) {
            details.put("previousStatus", existing.status().name());
        }
        record(sourceRef, targetRef, reason, details);
        return m;
    }

    /** Rewrites an existing row with changed attributes; returns null when nothing changed. */
    Mapping update(Mapping existing, Map<String, String> changes, ExternalRef sourceRef, ExternalRef targetRef,
                   String reason) {
        Map<String, String> attrs = new HashMap<>(existing.attributes());
        changes.forEach((k, v) -> {
            if (v == null) {
                attrs.remove(k);
            } else {
                attrs.put(k, v);
            }
        });
        String label = label(existing.kind(), existing.sourceId(), existing.targetId(), attrs);
        if (attrs.equals(existing.attributes()) && Objects.equals(label, existing.label())) {
            return null;
        }
        Mapping m = new Mapping(existing.connectionId(), existing.kind(), existing.sourceId(), existing.targetId(), attrs,
                existing.status(), label, clock.instant());
        store.put(m);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("kind", existing.kind().name());
        details.put("status", existing.status().name());
        changes.forEach((k, v) -> details.put(k, v == null ? "" : v));
        record(sourceRef, targetRef, reason, details);
        return m;
    }

    /** Audits a failure to create a record. */
    void failed(ExternalRef sourceRef, String reason, boolean retryable) {
        audit.record(new AuditEvent(clock.instant(), connectionId, Direction.REFERENCE_DATA,
                sourceRef == null ? null : sourceRef.key(), null,
                retryable ? AuditOutcome.FAILED_RETRYABLE : AuditOutcome.FAILED_PERMANENT, reason, Map.of()));
    }

    private void record(ExternalRef sourceRef, ExternalRef targetRef, String reason, Map<String, String> details) {
        audit.record(new AuditEvent(clock.instant(), connectionId, Direction.REFERENCE_DATA,
                sourceRef == null ? null : sourceRef.key(), targetRef == null ? null : targetRef.key(),
                AuditOutcome.MAPPING_CHANGED, reason, details));
    }

    private static void putName(Map<String, String> attrs, String key, String name) {
        if (name != null) {
            attrs.put(key, name);
        }
    }

    /**
     * {@code source name <-> target name} ({@code Acme LLC <-> Acme Inc}), with {@code [inactive in …]} notes; ids
     * stand in for unknown names.
     */
    static String label(MappingKind kind, String sourceId, String targetId, Map<String, String> attrs) {
        boolean sourceIsAccounting = kind != MappingKind.COST_CODE_CATEGORY && kind != MappingKind.PROJECT_DEFAULT_COST_CODE;
        StringBuilder sb = new StringBuilder();
        sb.append(attrs.getOrDefault(SOURCE_NAME, sourceId)).append(" <-> ")
                .append(attrs.getOrDefault(TARGET_NAME, targetId));
        if ("false".equals(attrs.get(SOURCE_ACTIVE))) {
            sb.append(sourceIsAccounting ? " [inactive in accounting system]" : " [inactive in project system]");
        }
        if ("false".equals(attrs.get(TARGET_ACTIVE))) {
            sb.append(sourceIsAccounting ? " [inactive in project system]" : " [inactive in accounting system]");
        }
        return sb.toString();
    }
}
