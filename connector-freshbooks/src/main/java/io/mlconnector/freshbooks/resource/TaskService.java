package io.mlconnector.freshbooks.resource;

import io.mlconnector.core.http.Page;
import io.mlconnector.freshbooks.http.FreshBooksApi;
import io.mlconnector.freshbooks.http.QueryParams;
import io.mlconnector.freshbooks.model.Task;
import io.mlconnector.freshbooks.query.SearchQuery;
import java.util.stream.Stream;

/** Legacy billable tasks: {@code /accounting/account/{account_id}/projects/tasks} (read-only here). */
public final class TaskService extends AccountingResource<Task> {

    /**
     * Creates a {@code TaskService}.
     *
     * @param api the FreshBooks API
     */
    public TaskService(FreshBooksApi api) {
        super(api, () -> api.accountingPath("projects/tasks"), "task", "tasks", Task.class);
    }

    /**
     * Every task matching {@code query}, read page by page as the stream is consumed.
     *
     * @param query the filters and paging to apply
     * @return the matching tasks
     */
    public Stream<Task> list(SearchQuery query) {
        return fetchAll(query);
    }

    /**
     * One page of the tasks matching {@code query}.
     *
     * @param query the filters and paging to apply
     * @param page the page number, from 1
     * @return that page
     */
    public Page<Task> page(SearchQuery query, int page) {
        return fetchPage(query, page);
    }

    /**
     * Fetches one task.
     *
     * @param id the task's id
     * @return the task
     */
    public Task get(long id) {
        return fetchOne(id, QueryParams.empty());
    }
}
