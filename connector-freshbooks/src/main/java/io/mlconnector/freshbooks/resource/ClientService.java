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

    /**
     * Creates a {@code ClientService}.
     *
     * @param api the FreshBooks API
     */
    public ClientService(FreshBooksApi api) {
        super(api, () -> api.accountingPath("users/clients"), "client", "clients", Client.class);
    }

    /**
     * Every client matching {@code query}, read page by page as the stream is consumed.
     *
     * @param query the filters and paging to apply
     * @return the matching clients
     */
    public Stream<Client> list(ClientQuery query) {
        return fetchAll(query);
    }

    /**
     * One page of the clients matching {@code query}.
     *
     * @param query the filters and paging to apply
     * @param page the page number, from 1
     * @return that page
     */
    public Page<Client> page(ClientQuery query, int page) {
        return fetchPage(query, page);
    }

    /**
     * Fetches one client.
     *
     * @param id the client's id
     * @return the client
     */
    public Client get(long id) {
        return fetchOne(id, QueryParams.empty());
    }

    /**
     * Clients updated since {@code since} (widened to the Eastern day before), plus deleted ones when asked.
     *
     * @param since the earliest change time to include
     * @param includeDeleted whether to include deleted records
     * @return the clients
     */
    public Stream<Client> updatedSince(Instant since, boolean includeDeleted) {
        Stream<Client> live = list(ClientQuery.create().updatedSince(since));
        return includeDeleted ? Stream.concat(live, list(ClientQuery.create().updatedSince(since).deletedOnly())) : live;
    }

    /**
     * Creates a client from the draft.
     *
     * @param draft the fields to send
     * @return the created client, as FreshBooks stored it
     */
    public Client create(ClientDraft draft) {
        return postDraft(draft);
    }

    /**
     * Updates a client with the draft's fields.
     *
     * @param id the client's id
     * @param draft the fields to send
     * @return the updated client
     */
    public Client update(long id, ClientDraft draft) {
        return putDraft(id, draft);
    }

    /**
     * Updates only the given fields of a client.
     *
     * @param id the client's id
     * @param fields the fields to set
     * @return the updated client
     */
    public Client update(long id, Map<String, ?> fields) {
        return putFields(id, fields);
    }

    /**
     * Marks a client deleted ({@code vis_state} 1); FreshBooks keeps it and can restore it.
     *
     * @param id the client's id
     * @return the client as FreshBooks stored it
     */
    public Client delete(long id) {
        return putVisState(id, VisState.DELETED);
    }

    /**
     * Archives a client ({@code vis_state} 2).
     *
     * @param id the client's id
     * @return the archived client
     */
    public Client archive(long id) {
        return putVisState(id, VisState.ARCHIVED);
    }

    /**
     * Restores a deleted or archived client ({@code vis_state} 0).
     *
     * @param id the client's id
     * @return the restored client
     */
    public Client restore(long id) {
        return putVisState(id, VisState.ACTIVE);
    }
}
