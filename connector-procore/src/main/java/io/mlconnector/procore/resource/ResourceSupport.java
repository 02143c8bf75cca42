package io.mlconnector.procore.resource;

import io.mlconnector.core.model.ProjectRef;
import io.mlconnector.procore.http.ProcoreHttp;
import io.mlconnector.procore.http.Query;
import io.mlconnector.procore.scope.ProjectScope;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Shared plumbing of the resource APIs: the HTTP executor, the project scope and body helpers. */
abstract class ResourceSupport {
    /** The HTTP client calls go through. */
    protected final ProcoreHttp http;
    /** Checks that projects belong to the connected company. */
    protected final ProjectScope scope;

    ResourceSupport(ProcoreHttp http, ProjectScope scope) {
        this.http = Objects.requireNonNull(http, "http");
        this.scope = Objects.requireNonNull(scope, "scope");
    }

    /**
     * Validates a project pair before any request (throws {@code InvalidProjectException}).
     *
     * @param project the project
     * @return the project
     */
    protected long project(ProjectRef project) {
        scope.requireProject(project);
        return project.projectId();
    }

    /**
     * The client's company id.
     *
     * @return the client's company id
     */
    protected long company() {
        return http.companyId();
    }

    /**
     * {@code ?project_id=P}.
     *
     * @param projectId the project's id
     * @return the project query
     */
    protected static Query projectQuery(long projectId) {
        return Query.of("project_id", projectId);
    }

    /**
     * {@code ?company_id=C}.
     *
     * @return the company query
     */
    protected Query companyQuery() {
        return Query.of("company_id", company());
    }

    /**
     * An ordered JSON object from alternating keys and values; null values are kept out.
     *
     * @param keysAndValues the keys and values
     * @return an ordered JSON object from alternating keys and values
     */
    protected static Map<String, Object> body(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values must pair up");
        }
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                m.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return m;
    }

    /**
     * Refuses, before any call, a write whose body lacks a field Procore's spec marks required for the operation
     * (a PATCH whose generated schema requires what a partial update would not need included: see the spec's notes).
     *
     * @param value the value
     * @param field the field
     * @param operation the operation
     */
    protected static void required(Object value, String field, String operation) {
        if (value == null || value instanceof String s && s.isBlank()) {
            throw new IllegalArgumentException(operation + " requires " + field
                    + " (Procore's spec marks it required; read the current object and send it unchanged)");
        }
    }

    /**
     * Checks that an id is positive.
     *
     * @param id the id
     * @param what what the id names, for the message
     * @return the id
     * @throws IllegalArgumentException when it is zero or negative
     */
    protected static long positive(long id, String what) {
        if (id <= 0) {
            throw new IllegalArgumentException(what + " must be positive: " + id);
        }
        return id;
    }
}
