package io.mlconnector.freshbooks.query;

/** A generic accounting/events list query for resources without dedicated filters. */
public final class SearchQuery extends AccountingQuery<SearchQuery> {

    /**
     * A query with no filters.
     *
     * @return a new query
     */
    public static SearchQuery create() {
        return new SearchQuery();
    }

    @Override
    protected SearchQuery self() {
        return this;
    }
}
