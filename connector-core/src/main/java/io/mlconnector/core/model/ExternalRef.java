package io.mlconnector.core.model;

import java.util.Objects;

/**
 * Identifies an object in one system: system name ({@code freshbooks}, {@code procore}), object type
 * ({@code bill}, {@code vendor}, {@code requisition}…) and the system's id. Its {@link #key()} form
 * {@code system:type:id} is the stable source key used in the ledger, queue and audit log.
 */
public record ExternalRef(String system, String type, String id) {
    /**
     * Checks the components.
     *
     * @param system the system
     * @param type the type
     * @param id the object's id
     */
    public ExternalRef {
        Objects.requireNonNull(system, "system");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(id, "id");
        if (system.contains(":") || type.contains(":")) {
            throw new IllegalArgumentException("system and type must not contain ':'");
        }
    }

    /**
     * A reference from its parts.
     *
     * @param system the system the object lives in
     * @param type the object type
     * @param id the object id (its string form is kept)
     * @return the reference
     */
    public static ExternalRef of(String system, String type, Object id) {
        return new ExternalRef(system, type, String.valueOf(id));
    }

    /**
     * Parses the {@code system:type:id} form.
     *
     * @param key the key
     * @return the {@code ExternalRef}
     */
    public static ExternalRef parse(String key) {
        String[] p = key.split(":", 3);
        if (p.length != 3) {
            throw new IllegalArgumentException("not a ref key: " + key);
        }
        return new ExternalRef(p[0], p[1], p[2]);
    }

    /**
     * {@code system:type:id}.
     *
     * @return the key
     */
    public String key() {
        return system + ":" + type + ":" + id;
    }

    @Override
    public String toString() {
        return key();
    }
}
