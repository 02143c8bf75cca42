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

    /**
     * Creates a {@code ItemService}.
     *
     * @param api the FreshBooks API
     */
    public ItemService(FreshBooksApi api) {
        super(api, () -> api.accountingPath("items/items"), "item", "items", Item.class);
    }

    /**
     * Every item matching {@code query}, read page by page as the stream is consumed.
     *
     * @param query the filters and paging to apply
     * @return the matching items
     */
    public Stream<Item> list(SearchQuery query) {
        return fetchAll(query);
    }

    /**
     * One page of the items matching {@code query}.
     *
     * @param query the filters and paging to apply
     * @param page the page number, from 1
     * @return that page
     */
    public Page<Item> page(SearchQuery query, int page) {
        return fetchPage(query, page);
    }

    /**
     * Fetches one item.
     *
     * @param id the item's id
     * @return the item
     */
    public Item get(long id) {
        return fetchOne(id, QueryParams.empty());
    }

    /**
     * Items updated since {@code since} (widened to the Eastern day before; UNCONFIRMED filter).
     *
     * @param since the earliest change time to include
     * @return the items
     */
    public Stream<Item> updatedSince(Instant since) {
        return list(SearchQuery.create().updatedSince(since));
    }

    /**
     * Creates an item from the draft.
     *
     * @param draft the fields to send
     * @return the created item, as FreshBooks stored it
     */
    public Item create(ItemDraft draft) {
        return postDraft(draft);
    }

    /**
     * Updates an item with the draft's fields.
     *
     * @param id the item's id
     * @param draft the fields to send
     * @return the updated item
     */
    public Item update(long id, ItemDraft draft) {
        return putDraft(id, draft);
    }

    /**
     * Marks an item deleted ({@code vis_state} 1); FreshBooks keeps it and can restore it.
     *
     * @param id the item's id
     * @return the item as FreshBooks stored it
     */
    public Item delete(long id) {
        return putVisState(id, VisState.DELETED);
    }

    /**
     * Archives an item ({@code vis_state} 2).
     *
     * @param id the item's id
     * @return the archived item
     */
    public Item archive(long id) {
        return putVisState(id, VisState.ARCHIVED);
    }

    /**
     * Restores a deleted or archived item ({@code vis_state} 0).
     *
     * @param id the item's id
     * @return the restored item
     */
    public Item restore(long id) {
        return putVisState(id, VisState.ACTIVE);
    }
}
