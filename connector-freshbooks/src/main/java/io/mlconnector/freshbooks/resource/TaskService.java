package io.mlconnector.freshbooks.resource;

import io.mlconnector.core.http.Page;
import io.mlconnector.freshbooks.http.FreshBooksApi;
import io.mlconnector.freshbooks.http.QueryParams;
import io.mlconnector.freshbooks.model.Task;
import io.mlconnector.freshbooks.query.SearchQuery;
import java.util.stream.Stream;

/** Legacy billable tasks: {@code /accounting/account/{account_id}/projects/tasks} (read-only here). */
public final class TaskService extends AccountingResource<Task> {

    public TaskService(FreshBooksApi api) {
        super(api, () -> api.accountingPath("projects/tasks"), "task", "tasks", Task.class);
    }

    public Stream<Task> list(SearchQuery query) {
        return fetchAll(query);
    }

    public Page<Task> page(SearchQuery query, int page) {
        return fetchPage(query, page);
    }

    public Task get(long id) {
        return fetchOne(id, QueryParams.empty());
    }
}
