package io.mlconnector.freshbooks.query;

import io.mlconnector.freshbooks.http.QueryParams;
import io.mlconnector.freshbooks.internal.json.FreshBooksTime;
import java.time.Instant;

/** Projects list query: plain {@code field=value} filters, {@code updated_since} in UTC, {@code sort=[-]field}. */
public final class ProjectQuery {
    private Boolean active;
    private Boolean complete;
    private Instant updatedSince;
    private Boolean includeLoggedDuration;
    private Boolean skipGroup;
    private String sort;
    private int perPage = AccountingQuery.MAX_PER_PAGE;

    /**
     * A query with no filters.
     *
     * @return a new query
     */
    public static ProjectQuery create() {
        return new ProjectQuery();
    }

    /**
     * Only projects whose active is {@code value}.
     *
     * @param value the value to match
     * @return this project query
     */
    public ProjectQuery active(boolean value) {
        active = value;
        return this;
    }

    /**
     * Only projects whose complete is {@code value}.
     *
     * @param value the value to match
     * @return this project query
     */
    public ProjectQuery complete(boolean value) {
        complete = value;
        return this;
    }

    /**
     * Projects updated at or after {@code since} (UTC, second precision).
     *
     * @param since the earliest change time to include
     * @return this project query
     */
    public ProjectQuery updatedSince(Instant since) {
        updatedSince = since;
        return this;
    }

    /**
     * Asks for each project's logged duration ({@code include_logged_duration=true}).
     *
     * @return this query
     */
    public ProjectQuery includeLoggedDuration() {
        includeLoggedDuration = true;
        return this;
    }

    /**
     * Leaves out each project's group ({@code skip_group=true}).
     *
     * @return this query
     */
    public ProjectQuery skipGroup() {
        skipGroup = true;
        return this;
    }

    /**
     * {@code sort=field} or {@code sort=-field}; fields {@code created_at}, {@code due_date}, {@code title}.
     *
     * @param field the field to sort by
     * @param descending whether to sort in descending order
     * @return this query
     */
    public ProjectQuery sort(String field, boolean descending) {
        sort = (descending ? "-" : "") + field;
        return this;
    }

    /**
     * Only projects whose per page is {@code value}.
     *
     * @param value the value to match
     * @return this query
     */
    public ProjectQuery perPage(int value) {
        if (value < 1 || value > AccountingQuery.MAX_PER_PAGE) {
            throw new IllegalArgumentException("per_page must be between 1 and 100: " + value);
        }
        perPage = value;
        return this;
    }

    /**
     * The parameters for one page.
     *
     * @param page the page number, from 1
     * @return the parameters for one page
     */
    public QueryParams toParams(int page) {
        QueryParams p = QueryParams.empty().add("page", Math.max(1, page)).add("per_page", perPage)
                .add("active", active).add("complete", complete)
                .add("include_logged_duration", includeLoggedDuration).add("skip_group", skipGroup);
        if (updatedSince != null) {
            p.add("updated_since", FreshBooksTime.updatedSinceParam(updatedSince));
        }
        return p.add("sort", sort);
    }
}
