package io.mlconnector.freshbooks.query;

import io.mlconnector.freshbooks.http.QueryParams;
import io.mlconnector.freshbooks.json.FreshBooksTime;
import java.time.Instant;

/** Time entries list query (plain {@code field=value} filters; deleted entries need {@code include_deleted}). */
public final class TimeEntryQuery {
    private final QueryParams filters = QueryParams.empty();
    private int perPage = AccountingQuery.MAX_PER_PAGE;

    public static TimeEntryQuery create() {
        return new TimeEntryQuery();
    }

    public TimeEntryQuery billable(boolean v) {
        filters.add("billable", v);
        return this;
    }

    public TimeEntryQuery billed(boolean v) {
        filters.add("billed", v);
        return this;
    }

    public TimeEntryQuery clientId(long id) {
        filters.add("client_id", id);
        return this;
    }

    public TimeEntryQuery projectId(long id) {
        filters.add("project_id", id);
        return this;
    }

    public TimeEntryQuery identityId(long id) {
        filters.add("identity_id", id);
        return this;
    }

    public TimeEntryQuery includeDeleted() {
        filters.add("include_deleted", true);
        return this;
    }

    public TimeEntryQuery includeUnlogged() {
        filters.add("include_unlogged", true);
        return this;
    }

    public TimeEntryQuery startedFrom(Instant from) {
        filters.add("started_from", FreshBooksTime.updatedSinceParam(from));
        return this;
    }

    public TimeEntryQuery startedTo(Instant to) {
        filters.add("started_to", FreshBooksTime.updatedSinceParam(to));
        return this;
    }

    /** Entries updated at or after {@code since} (UTC, second precision). */
    public TimeEntryQuery updatedSince(Instant since) {
        filters.add("updated_since", FreshBooksTime.updatedSinceParam(since));
        return this;
    }

    public TimeEntryQuery perPage(int value) {
        if (value < 1 || value > AccountingQuery.MAX_PER_PAGE) {
            throw new IllegalArgumentException("per_page must be between 1 and 100: " + value);
        }
        perPage = value;
        return this;
    }

    /** The parameters for one page. */
    public QueryParams toParams(int page) {
        return QueryParams.empty().add("page", Math.max(1, page)).add("per_page", perPage).addAll(filters);
    }
}
