package io.mlconnector.core.http;

import java.util.List;

/**
 * One page of a listing.
 *
 * @param items   the items on this page
 * @param hasNext whether another page follows
 * @param total   total item count when the API reports it, else -1
 */
public record Page<T>(List<T> items, boolean hasNext, long total) {
    /**
     * Checks the components.
     *
     * @param items the items on this page
     * @param hasNext whether another page follows
     * @param total total item count when the API reports it, else -1
     */
    public Page {
        items = List.copyOf(items);
    }

    /**
     * A page of items.
     *
     * @param items the items, in the order the server sent them
     * @param hasNext whether another page follows
     * @param <T> the item type
     * @return the page
     */
    public static <T> Page<T> of(List<T> items, boolean hasNext) {
        return new Page<>(items, hasNext, -1);
    }
}
