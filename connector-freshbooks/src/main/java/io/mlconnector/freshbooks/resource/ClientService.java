package io.mlconnector.freshbooks.resource;

import io.mlconnector.core.http.Page;
import io.mlconnector.freshbooks.http.FreshBooksApi;
import io.mlconnector.freshbooks.http.QueryParams;
import io.mlconnector.freshbooks.model.Client;
import io.mlconnector.freshbooks.model.ClientDraft;
import io.mlconnector.freshbooks.model.VisState;
import io.mlconnector.freshbooks.query.ClientQuery;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;

/** Clients: {@code /accounting/account/{account_id}/users/clients}. */
public final class ClientService extends AccountingResource<Client> {

    public ClientService(FreshBooksApi api) {
        super(api, () -> api.accountingPath("users/clients"), "client", "clients", Client.class);
    }

    public Stream<Client> list(ClientQuery query) {
        return fetchAll(query);
    }

    public Page<Client> page(ClientQuery query, int page) {
        return fetchPage(query, page);
    }

    public Client get(long id) {
        return fetchOne(id, QueryParams.empty());
    }

    /** Clients updated since {@code since} (widened to the Eastern day before), plus deleted ones when asked. */
    public Stream<Client> updatedSince(Instant since, boolean includeDeleted) {
        Stream<Client> live = list(ClientQuery.create().updatedSince(since));
        return includeDeleted ? Stream.concat(live, list(ClientQuery.create().updatedSince(since).deletedOnly())) : live;
    }

    public Client create(ClientDraft draft) {
        return postDraft(draft);
    }

    public Client update(long id, ClientDraft draft) {
        return putDraft(id, draft);
    }

    public Client update(long id, Map<String, ?> fields) {
        return putFields(id, fields);
    }

    public Client delete(long id) {
        return putVisState(id, VisState.DELETED);
    }

    public Client archive(long id) {
        return putVisState(id, VisState.ARCHIVED);
    }

    public Client restore(long id) {
        return putVisState(id, VisState.ACTIVE);
    }
}
