package io.mlconnector.freshbooks.query;

import io.mlconnector.freshbooks.http.QueryParams;
import io.mlconnector.freshbooks.internal.json.FreshBooksTime;
import java.time.Instant;

/** Time entries list query (plain {@code field=value} filters; deleted entries need {@code include_deleted}). */
public final class TimeEntryQuery {
    private final QueryParams filters = QueryParams.empty();
    private int perPage = AccountingQuery.MAX_PER_PAGE;

    /**
     * A query with no filters.
     *
     * @return a new query
     */
    public static TimeEntryQuery create() {
        return new TimeEntryQuery();
    }

    /**
     * Only time entries whose billable is {@code v}.
     *
     * @param v the value to match
     * @return this time entry query
     */
    public TimeEntryQuery billable(boolean v) {
        filters.add("billable", v);
        return this;
    }

    /**
     * Only time entries whose billed is {@code v}.
     *
     * @param v the value to match
     * @return this time entry query
     */
    public TimeEntryQuery billed(boolean v) {
        filters.add("billed", v);
        return this;
    }

    /**
     * Only time entries whose client id is {@code id}.
     *
     * @param id the value to match
     * @return this time entry query
     */
    public TimeEntryQuery clientId(long id) {
        filters.add("client_id", id);
        return this;
    }

    /**
     * Only time entries whose project id is {@code id}.
     *
     * @param id the value to match
     * @return this time entry query
     */
    public TimeEntryQuery projectId(long id) {
        filters.add("project_id", id);
        return this;
    }

    /**
     * Only time entries whose identity id is {@code id}.
     *
     * @param id the value to match
     * @return this time entry query
     */
    public TimeEntryQuery identityId(long id) {
        filters.add("identity_id", id);
        return this;
    }

    /**
     * Includes deleted entries ({@code include_deleted=true}).
     *
     * @return this query
     */
    public TimeEntryQuery includeDeleted() {
        filters.add("include_deleted", true);
        return this;
    }

    /**
     * Includes unlogged entries ({@code include_unlogged=true}).
     *
     * @return this query
     */
    public TimeEntryQuery includeUnlogged() {
        filters.add("include_unlogged", true);
        return this;
    }

    /**
     * Only time entries whose started from is {@code from}.
     *
     * @param from the value to match
     * @return this time entry query
     */
    public TimeEntryQuery startedFrom(Instant from) {
        filters.add("started_from", FreshBooksTime.updatedSinceParam(from));
        return this;
    }

    /**
     * Only time entries whose started to is {@code to}.
     *
     * @param to the value to match
     * @return this time entry query
     */
    public TimeEntryQuery startedTo(Instant to) {
        filters.add("started_to", FreshBooksTime.updatedSinceParam(to));
        return this;
    }

    /**
     * Entries updated at or after {@code since} (UTC, second precision).
     *
     * @param since the earliest change time to include
     * @return this time entry query
     */
    public TimeEntryQuery updatedSince(Instant since) {
        filters.add("updated_since", FreshBooksTime.updatedSinceParam(since));
        return this;
    }

    /**
     * Only time entries whose per page is {@code value}.
     *
     * @param value the value to match
     * @return this query
     */
    public TimeEntryQuery perPage(int value) {
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
        return QueryParams.empty().add("page", Math.max(1, page)).add("per_page", perPage).addAll(filters);
    }
}
