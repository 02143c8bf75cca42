package io.mlconnector.core.state;

import io.mlconnector.core.model.TargetKind;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What the connector did with one source record: the pairing source → target that makes every operation
 * idempotent.
 *
 * @param connectionId  connection
 * @param sourceKey     source record key ({@code freshbooks:bill:123}); unique per connection
 * @param sourceVersion the source change stamp last posted (tells a real change from a repeat)
 * @param targetKind    what was created: a {@link TargetKind} name ({@code REQUISITION}, {@code EXPENSE}…), may be
 *                      null while pending; {@link #kind()} reads it as the enum
 * @param targetId      target object id, may be null while pending
 * @param state         state
 * @param fingerprint   digest of what was posted (amounts per line), to detect real changes cheaply
 * @param attributes    extra values (project, commitment, posted amount…)
 * @param updatedAt     last change
 */
public record LedgerEntry(String connectionId, String sourceKey, String sourceVersion, String targetKind,
                          String targetId, LedgerState state, String fingerprint, Map<String, String> attributes,
                          Instant updatedAt) {
    /**
     * Checks the components.
     *
     * @param connectionId connection
     * @param sourceKey source record key ({@code freshbooks:bill:123}); unique per connection
     * @param sourceVersion the source change stamp last posted (tells a real change from a repeat)
     * @param targetKind what was created ({@code REQUISITION}, {@code EXPENSE}…), may be null while pending
     * @param targetId target object id, may be null while pending
     * @param state state
     * @param fingerprint digest of what was posted (amounts per line), to detect real changes cheaply
     * @param attributes extra values (project, commitment, posted amount…)
     * @param updatedAt last change
     */
    public LedgerEntry {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(sourceKey, "sourceKey");
        Objects.requireNonNull(state, "state");
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }

    /**
     * The {@link #targetKind()} as the enum it stores.
     *
     * @return the kind, or null while pending or when the stored text names no kind
     */
    public TargetKind kind() {
        return TargetKind.ofName(targetKind);
    }

    /**
     * An attribute or null.
     *
     * @param name the name
     * @return an attribute or null
     */
    public String attribute(String name) {
        return attributes.get(name);
    }
}
