package io.mlconnector.freshbooks.resource;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.core.http.HttpMethod;
import io.mlconnector.core.http.Page;
import io.mlconnector.core.http.Paginator;
import io.mlconnector.freshbooks.http.Envelopes;
import io.mlconnector.freshbooks.http.FreshBooksApi;
import io.mlconnector.freshbooks.model.TimeEntry;
import io.mlconnector.freshbooks.model.TimeEntryDraft;
import io.mlconnector.freshbooks.query.TimeEntryQuery;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/** Time entries: {@code /timetracking/business/{business_id}/time_entries[/{id}]}, bare envelope, {@code meta} paging. */
public final class TimeEntryService {
    private final FreshBooksApi api;

    /**
     * Creates a {@code TimeEntryService}.
     *
     * @param api the FreshBooks API
     */
    public TimeEntryService(FreshBooksApi api) {
        this.api = Objects.requireNonNull(api);
    }

    private String base() {
        return "/timetracking/business/" + api.businessId() + "/time_entries";
    }

    /**
     * Every time entry matching {@code query}, read page by page as the stream is consumed.
     *
     * @param query the filters to apply
     * @return the matching time entries
     */
    public Stream<TimeEntry> list(TimeEntryQuery query) {
        return Paginator.stream(page -> page(query, page));
    }

    /**
     * One page of the time entries matching {@code query}.
     *
     * @param query the filters to apply
     * @param page the page number, from 1
     * @return that page
     */
    public Page<TimeEntry> page(TimeEntryQuery query, int page) {
        JsonNode root = api.send(HttpMethod.GET, base(), query.toParams(page), null);
        return Envelopes.metaPage(root, "time_entries", n -> api.convert(n, TimeEntry.class));
    }

    /**
     * Entries updated since {@code since} (UTC), deleted ones included when asked ({@code include_deleted}).
     *
     * @param since the earliest change time to include
     * @param includeDeleted whether to include deleted records
     * @return the time entrys
     */
    public Stream<TimeEntry> updatedSince(Instant since, boolean includeDeleted) {
        TimeEntryQuery q = TimeEntryQuery.create().updatedSince(since);
        return list(includeDeleted ? q.includeDeleted() : q);
    }

    /**
     * Fetches one time entry.
     *
     * @param id the entry's id
     * @return the entry
     */
    public TimeEntry get(long id) {
        JsonNode root = api.send(HttpMethod.GET, base() + "/" + id, null, null);
        return api.convert(Envelopes.bareSingle(root, "time_entry"), TimeEntry.class);
    }

    /**
     * Creates a time entry.
     *
     * @param draft the fields to send
     * @return the created entry
     */
    public TimeEntry create(TimeEntryDraft draft) {
        JsonNode root = api.send(HttpMethod.POST, base(), null, Map.of("time_entry", draft));
        return api.convert(Envelopes.bareSingle(root, "time_entry"), TimeEntry.class);
    }

    /**
     * Updates a time entry.
     *
     * @param id the entry's id
     * @param draft the fields to send
     * @return the updated entry
     */
    public TimeEntry update(long id, TimeEntryDraft draft) {
        JsonNode root = api.send(HttpMethod.PUT, base() + "/" + id, null, Map.of("time_entry", draft));
        return api.convert(Envelopes.bareSingle(root, "time_entry"), TimeEntry.class);
    }

    /**
     * HTTP DELETE (time entries have no vis_state).
     *
     * @param id the time entry's id
     */
    public void delete(long id) {
        api.send(HttpMethod.DELETE, base() + "/" + id, null, null);
    }
}
