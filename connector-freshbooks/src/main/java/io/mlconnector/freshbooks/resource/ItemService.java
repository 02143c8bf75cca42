package io.mlconnector.freshbooks.resource;

import io.mlconnector.core.http.Page;
import io.mlconnector.freshbooks.http.FreshBooksApi;
import io.mlconnector.freshbooks.http.QueryParams;
import io.mlconnector.freshbooks.model.Item;
import io.mlconnector.freshbooks.model.ItemDraft;
import io.mlconnector.freshbooks.model.VisState;
import io.mlconnector.freshbooks.query.SearchQuery;
import java.time.Instant;
import java.util.stream.Stream;

/** Items: {@code /accounting/account/{account_id}/items/items}. */
public final class ItemService extends AccountingResource<Item> {

    public ItemService(FreshBooksApi api) {
        super(api, () -> api.accountingPath("items/items"), "item", "items", Item.class);
    }

    public Stream<Item> list(SearchQuery query) {
        return fetchAll(query);
    }

    public Page<Item> page(SearchQuery query, int page) {
        return fetchPage(query, page);
    }

    public Item get(long id) {
        return fetchOne(id, QueryParams.empty());
    }

    /** Items updated since {@code since} (widened to the Eastern day before; UNCONFIRMED filter). */
    public Stream<Item> updatedSince(Instant since) {
        return list(SearchQuery.create().updatedSince(since));
    }

    public Item create(ItemDraft draft) {
        return postDraft(draft);
    }

    public Item update(long id, ItemDraft draft) {
        return putDraft(id, draft);
    }

    public Item delete(long id) {
        return putVisState(id, VisState.DELETED);
    }

    public Item archive(long id) {
        return putVisState(id, VisState.ARCHIVED);
    }

    public Item restore(long id) {
        return putVisState(id, VisState.ACTIVE);
    }
}
