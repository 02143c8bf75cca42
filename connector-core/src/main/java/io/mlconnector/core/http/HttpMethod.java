package io.mlconnector.core.http;

/** HTTP methods the connector uses, with whether a repeat of the request is safe by default. */
public enum HttpMethod {
    GET(true), PUT(true), DELETE(true), POST(false), PATCH(false);

    private final boolean idempotent;

    HttpMethod(boolean idempotent) {
        this.idempotent = idempotent;
    }

    /** Whether sending this method twice has the same effect as sending it once. */
    public boolean isIdempotent() {
        return idempotent;
    }
}
