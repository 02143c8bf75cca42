package io.mlconnector.procore.resource;

import io.mlconnector.procore.http.Query;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Options of a list call: page size (always sent), an {@code updated_at} window for incremental polling, an
 * {@code origin_id} lookup and {@code include_deleted}. Each resource accepts only the filters Procore documents
 * for it (procore.md §4.3); asking for another one is an {@link IllegalArgumentException}, never a silent full scan.
 *
 * @param perPage        page size sent as {@code per_page}
 * @param updatedFrom    start of the {@code filters[updated_at]} window, or null
 * @param updatedTo      end of the window, or null
 * @param originId       {@code filters[origin_id]}, or null
 * @param includeDeleted {@code filters[include_deleted]} ({@code with} or {@code only}), or null
 */
public record ListOptions(int perPage, Instant updatedFrom, Instant updatedTo, String originId, String includeDeleted) {
    /** The page size used when none is given. */
    public static final int DEFAULT_PER_PAGE = 100;

    /** The filters a resource may support. */
    public enum Filter {
        /** {@code filters[updated_at]=a...b}. */
        UPDATED_AT,
        /** {@code filters[origin_id]}. */
        ORIGIN_ID,
        /** {@code filters[include_deleted]}. */
        INCLUDE_DELETED
    }

    /**
     * Checks the components.
     *
     * @param perPage page size sent as {@code per_page}
     * @param updatedFrom start of the {@code filters[updated_at]} window, or null
     * @param updatedTo end of the window, or null
     * @param originId {@code filters[origin_id]}, or null
     * @param includeDeleted {@code filters[include_deleted]} ({@code with} or {@code only}), or null
     */
    public ListOptions {
        if (perPage < 1) {
            throw new IllegalArgumentException("perPage must be positive");
        }
        if ((updatedFrom == null) != (updatedTo == null)) {
            throw new IllegalArgumentException("an updated_at window needs both ends");
        }
        if (updatedFrom != null && updatedTo.isBefore(updatedFrom)) {
            throw new IllegalArgumentException("updated_at window ends before it starts");
        }
        if (includeDeleted != null && !Set.of("with", "only").contains(includeDeleted)) {
            throw new IllegalArgumentException("include_deleted must be 'with' or 'only'");
        }
    }

    /** Page size for whole-list reads of reference data (Procore recommends pages of up to 2,000). */
    public static final int BULK_PER_PAGE = 1000;

    /**
     * No filters, {@value #BULK_PER_PAGE} per page: for reading a whole reference list in few calls.
     *
     * @return no filters, {@value #BULK_PER_PAGE} per page: for reading a whole reference list in few calls
     */
    public static ListOptions bulk() {
        return new ListOptions(BULK_PER_PAGE, null, null, null, null);
    }

    /**
     * No filters, {@value #DEFAULT_PER_PAGE} per page.
     *
     * @return no filters, {@value #DEFAULT_PER_PAGE} per page
     */
    public static ListOptions defaults() {
        return new ListOptions(DEFAULT_PER_PAGE, null, null, null, null);
    }

    /**
     * Records updated between two instants (inclusive, second precision).
     *
     * @param from the lower bound
     * @param to the upper bound
     * @return the updated between
     */
    public static ListOptions updatedBetween(Instant from, Instant to) {
        return defaults().withUpdatedBetween(from, to);
    }

    /**
     * The record carrying an origin id.
     *
     * @param originId {@code filters[origin_id]}, or null
     * @return the record carrying an origin id
     */
    public static ListOptions originId(String originId) {
        return defaults().withOriginId(originId);
    }

    /**
     * These options with another page size.
     *
     * @param value items per page
     * @return new options
     */
    public ListOptions withPerPage(int value) {
        return new ListOptions(value, updatedFrom, updatedTo, originId, includeDeleted);
    }

    /**
     * These options with an {@code updated_at} range.
     *
     * @param from the earliest update time
     * @param to the latest update time
     * @return new options
     */
    public ListOptions withUpdatedBetween(Instant from, Instant to) {
        return new ListOptions(perPage, Objects.requireNonNull(from), Objects.requireNonNull(to), originId, includeDeleted);
    }

    /**
     * These options with an {@code origin_id} filter.
     *
     * @param value the origin id to match
     * @return new options
     */
    public ListOptions withOriginId(String value) {
        return new ListOptions(perPage, updatedFrom, updatedTo, Objects.requireNonNull(value), includeDeleted);
    }

    /**
     * {@code with} (also deleted rows) or {@code only} (only deleted rows).
     *
     * @param value the value
     * @return the with include deleted
     */
    public ListOptions withIncludeDeleted(String value) {
        return new ListOptions(perPage, updatedFrom, updatedTo, originId, value);
    }

    /** The filter parameters, refusing those the resource does not document. */
    Query toQuery(String resource, Set<Filter> supported) {
        Query q = Query.create();
        if (updatedFrom != null) {
            require(resource, supported, Filter.UPDATED_AT);
            q.filterRange("updated_at", updatedFrom, updatedTo);
        }
        if (originId != null) {
            require(resource, supported, Filter.ORIGIN_ID);
            q.filter("origin_id", originId);
        }
        if (includeDeleted != null) {
            require(resource, supported, Filter.INCLUDE_DELETED);
            q.filter("include_deleted", includeDeleted);
        }
        return q;
    }

    static Set<Filter> filters(Filter... filters) {
        return filters.length == 0 ? EnumSet.noneOf(Filter.class) : EnumSet.of(filters[0], filters);
    }

    private static void require(String resource, Set<Filter> supported, Filter f) {
        if (!supported.contains(f)) {
            throw new IllegalArgumentException("Procore documents no " + f.name().toLowerCase(java.util.Locale.ROOT)
                    + " filter for " + resource);
        }
    }
}
