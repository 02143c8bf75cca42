package io.mlconnector.freshbooks.resource;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.core.http.HttpMethod;
import io.mlconnector.core.http.Page;
import io.mlconnector.core.http.Paginator;
import io.mlconnector.freshbooks.http.Envelopes;
import io.mlconnector.freshbooks.http.FreshBooksApi;
import io.mlconnector.freshbooks.http.QueryParams;
import io.mlconnector.freshbooks.model.Project;
import io.mlconnector.freshbooks.model.ProjectDraft;
import io.mlconnector.freshbooks.query.ProjectQuery;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Projects (business namespace): list {@code /projects/business/{business_id}/projects}, one project at the singular
 * {@code …/project/{id}}, create at {@code …/project} (SDKs; the Postman file posts to {@code …/projects}), bodies
 * wrapped in a bare {@code project} key, paging in {@code meta}, delete by HTTP DELETE.
 */
public final class ProjectService {
    private final FreshBooksApi api;

    /**
     * Creates a {@code ProjectService}.
     *
     * @param api the FreshBooks API
     */
    public ProjectService(FreshBooksApi api) {
        this.api = Objects.requireNonNull(api);
    }

    private String base() {
        return "/projects/business/" + api.businessId();
    }

    /**
     * Every project matching {@code query}, read page by page as the stream is consumed.
     *
     * @param query the filters to apply
     * @return the matching projects
     */
    public Stream<Project> list(ProjectQuery query) {
        return Paginator.stream(page -> page(query, page));
    }

    /**
     * One page of the projects matching {@code query}.
     *
     * @param query the filters to apply
     * @param page the page number, from 1
     * @return that page
     */
    public Page<Project> page(ProjectQuery query, int page) {
        JsonNode root = api.send(HttpMethod.GET, base() + "/projects", query.toParams(page), null);
        return Envelopes.metaPage(root, "projects", n -> api.convert(n, Project.class));
    }

    /**
     * Projects updated at or after {@code since} (UTC, second precision).
     *
     * @param since the earliest change time to include
     * @return the projects
     */
    public Stream<Project> updatedSince(Instant since) {
        return list(ProjectQuery.create().updatedSince(since));
    }

    /**
     * Fetches one project.
     *
     * @param id the project's id
     * @return the project
     */
    public Project get(long id) {
        JsonNode root = api.send(HttpMethod.GET, base() + "/project/" + id, null, null);
        return api.convert(Envelopes.bareSingle(root, "project"), Project.class);
    }

    /**
     * Creates a project.
     *
     * @param draft the fields to send
     * @return the created project
     */
    public Project create(ProjectDraft draft) {
        JsonNode root = api.send(HttpMethod.POST, base() + "/project", null, Map.of("project", draft));
        return api.convert(Envelopes.bareSingle(root, "project"), Project.class);
    }

    /**
     * Partial update ({@code PUT …/project/{id}} with {@code {"project":{…}}}).
     *
     * @param id the project's id
     * @param draft the fields to send
     * @return partial update ({@code PUT …/project/{id}} with {@code {"project":{…}}})
     */
    public Project update(long id, ProjectDraft draft) {
        JsonNode root = api.send(HttpMethod.PUT, base() + "/project/" + id, null, Map.of("project", draft));
        return api.convert(Envelopes.bareSingle(root, "project"), Project.class);
    }

    /**
     * Sets the time budget only: {@code {"project":{"budget":<int>}}}. A FreshBooks budget is a whole number of hours,
     * never money (api/freshbooks.md §2.12).
     *
     * @param id the project's id
     * @param hours the hours
     * @return the updated budget hours
     */
    public Project updateBudgetHours(long id, int hours) {
        return update(id, ProjectDraft.budgetHoursOnly(hours));
    }

    /**
     * Sets the fixed price only: {@code {"project":{"fixed_price":"<amount>"}}} (what a flat-rate client is charged).
     *
     * @param id the project's id
     * @param fixedPrice the fixed price
     * @return the updated fixed price
     */
    public Project updateFixedPrice(long id, BigDecimal fixedPrice) {
        return update(id, ProjectDraft.fixedPriceOnly(fixedPrice));
    }

    /**
     * HTTP DELETE (204).
     *
     * @param id the project's id
     */
    public void delete(long id) {
        api.send(HttpMethod.DELETE, base() + "/project/" + id, QueryParams.empty(), null);
    }
}
