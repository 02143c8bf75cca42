package io.mlconnector.procore.model;

/**
 * The calling user ({@code GET /rest/v1.0/me}); for a service account, the directory user our writes are attributed to.
 */
public record Me(long id,
                 String login,
                 String name) {
}
