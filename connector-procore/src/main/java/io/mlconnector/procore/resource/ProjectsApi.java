package io.mlconnector.procore.resource;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.procore.http.ProcoreHttp;
import io.mlconnector.procore.http.Query;
import io.mlconnector.procore.model.ProcoreProject;
import io.mlconnector.procore.request.ProjectInput;
import io.mlconnector.procore.resource.ListOptions.Filter;
import io.mlconnector.procore.scope.ProjectScope;
import io.mlconnector.procore.sync.SyncBatches;
import io.mlconnector.procore.sync.SyncResult;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** Projects of the client's company ({@code /rest/v1.0/projects}). */
public final class ProjectsApi extends ResourceSupport {
    private static final Set<Filter> FILTERS = ListOptions.filters(Filter.UPDATED_AT, Filter.ORIGIN_ID);

    /**
     * Creates a {@code ProjectsApi}.
     *
     * @param http the Procore HTTP
     * @param scope the project scope
     */
    public ProjectsApi(ProcoreHttp http, ProjectScope scope) {
        super(http, scope);
    }

    /**
     * {@code GET /rest/v1.0/projects?company_id=C} — active projects visible to the service account.
     *
     * @param options the list options
     * @return the Procore projects
     */
    public Stream<ProcoreProject> list(ListOptions options) {
        return list(options, null);
    }

    /**
     * {@code GET /rest/v1.0/projects?company_id=C&filters[by_status]=S}.
     *
     * @param options the list options
     * @param status {@code Active}, {@code Inactive} or {@code All}; null for Procore's default (active only)
     * @return the Procore projects
     */
    public Stream<ProcoreProject> list(ListOptions options, String status) {
        Query q = companyQuery().addAll(options.toQuery("projects", FILTERS)).filter("by_status", status);
        return http.list("/rest/v1.0/projects", q, options.perPage(), ProcoreProject.class);
    }

    /**
     * The project carrying {@code originId}, via {@code filters[origin_id]}.
     *
     * @param originId {@code filters[origin_id]}, or null
     * @return the project carrying {@code originId}, via {@code filters[origin_id]}
     */
    public Optional<ProcoreProject> findByOriginId(String originId) {
        return list(ListOptions.originId(originId), "All").filter(p -> originId.equals(p.originId())).findFirst();
    }

    /**
     * {@code GET /rest/v1.0/projects/{id}?company_id=C}.
     *
     * @param projectId the project's id
     * @return the Procore project
     */
    public ProcoreProject get(long projectId) {
        return http.get("/rest/v1.0/projects/" + positive(projectId, "projectId"), companyQuery(), ProcoreProject.class);
    }

    /**
     * {@code POST /rest/v1.0/projects} with {@code {"company_id":C,"project":{…}}}.
     *
     * @param project the project
     * @return the {@code ProcoreProject}
     */
    public ProcoreProject create(ProjectInput project) {
        ProcoreProject created = http.post("/rest/v1.0/projects", Query.create(),
                body("company_id", company(), "project", project), ProcoreProject.class);
        scope.remember(created.id());
        return created;
    }

    /**
     * {@code PATCH /rest/v1.0/projects/{id}} with {@code {"company_id":C,"project":{…}}}.
     *
     * @param projectId the project's id
     * @param project the project
     * @return the updated Procore project
     */
    public ProcoreProject update(long projectId, ProjectInput project) {
        return http.patch("/rest/v1.0/projects/" + positive(projectId, "projectId"), Query.create(),
                body("company_id", company(), "project", project), ProcoreProject.class);
    }

    /**
     * {@code PATCH /rest/v1.0/projects/sync?company_id=C} with {@code {"company_id":C,"updates":[…]}}, in batches of
     * ≤ 1000 ({@code RestV10ProjectsSyncPatch} requires {@code company_id} in the body).
     *
     * @param projects the projects
     * @param batchSize the batch size
     * @return the sync
     */
    public SyncResult<ProcoreProject> sync(List<ProjectInput> projects, int batchSize) {
        SyncResult<ProcoreProject> r = SyncBatches.run(projects, batchSize, batch -> http.patch("/rest/v1.0/projects/sync",
                companyQuery(), body("company_id", company(), "updates", batch), JsonNode.class), http.mapper(),
                ProcoreProject.class);
        r.entities().forEach(p -> scope.remember(p.id()));
        return r;
    }
}
