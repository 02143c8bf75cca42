package io.mlconnector.procore.webhook;

import io.mlconnector.core.model.ProjectRef;
import java.util.Objects;

/**
 * Where a hook lives: the whole company or one project. The scope id travels as {@code company_id} or
 * {@code project_id} in the body (POST/PATCH) or the query (GET/DELETE).
 *
 * @param project the project, or null for company scope
 */
public record HookScope(ProjectRef project) {

    /**
     * The client's company.
     *
     * @return the client's company
     */
    public static HookScope company() {
        return new HookScope(null);
    }

    /**
     * One project.
     *
     * @param project the project, or null for company scope
     * @return one project
     */
    public static HookScope project(ProjectRef project) {
        return new HookScope(Objects.requireNonNull(project, "project"));
    }

    /**
     * Whether this is company scope.
     *
     * @return whether this is company scope
     */
    public boolean isCompany() {
        return project == null;
    }
}
