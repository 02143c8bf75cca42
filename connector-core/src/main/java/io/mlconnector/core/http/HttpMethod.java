package io.mlconnector.core.http;

/** HTTP methods the connector uses, with whether a repeat of the request is safe by default. */
public enum HttpMethod {
    /** {@code GET}: read, safe to repeat. */
    GET(true),
    /** {@code PUT}: replace, safe to repeat. */
    PUT(true),
    /** {@code DELETE}: remove, safe to repeat. */
    DELETE(true),
    /** {@code POST}: create, not safe to repeat by default. */
    POST(false),
    /** {@code PATCH}: partial update, not safe to repeat by default. */
    PATCH(false);

    private final boolean idempotent;

    HttpMethod(boolean idempotent) {
        this.idempotent = idempotent;
    }

    /**
     * Whether sending this method twice has the same effect as sending it once.
     *
     * @return whether sending this method twice has the same effect as sending it once
     */
    public boolean isIdempotent() {
        return idempotent;
    }
}
