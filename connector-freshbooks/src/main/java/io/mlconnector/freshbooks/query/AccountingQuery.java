package io.mlconnector.freshbooks.query;

import io.mlconnector.freshbooks.http.QueryParams;
import io.mlconnector.freshbooks.internal.json.FreshBooksTime;
import io.mlconnector.freshbooks.model.VisState;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Filters, includes, sort and page size of an accounting or events list ({@code search[...]} syntax, api/freshbooks.md
 * §3). {@code per_page} is always sent (default and maximum 100). Subclasses add the filters a resource documents.
 *
 * @param <Q> the concrete query type, for fluent chaining
 */
public abstract class AccountingQuery<Q extends AccountingQuery<Q>> {
    /** The largest page FreshBooks serves. */
    public static final int MAX_PER_PAGE = 100;

    private final List<Map.Entry<String, Object>> search = new ArrayList<>();
    private final List<String> includes = new ArrayList<>();
    private String sort;
    private int perPage = MAX_PER_PAGE;

    /**
     * This query as its own type, for the fluent methods of this base class.
     *
     * @return this query
     */
    protected abstract Q self();

    /**
     * {@code search[field]=value}.
     *
     * @param field the field
     * @param value the value
     * @return this query
     */
    public Q equalTo(String field, Object value) {
        search.add(Map.entry("search[" + field + "]", value));
        return self();
    }

    /**
     * {@code search[field][]=v1&search[field][]=v2}.
     *
     * @param field the field
     * @param values the values
     * @return this query
     */
    public Q in(String field, Collection<?> values) {
        for (Object v : values) {
            search.add(Map.entry("search[" + field + "][]", v));
        }
        return self();
    }

    /**
     * {@code search[field_like]=value}.
     *
     * @param field the field
     * @param value the value
     * @return this query
     */
    public Q like(String field, String value) {
        search.add(Map.entry("search[" + field + "_like]", value));
        return self();
    }

    /**
     * {@code search[field_min]=min&search[field_max]=max}; either bound may be null.
     *
     * @param field the field
     * @param min the min
     * @param max the max
     * @return this query
     */
    public Q between(String field, Object min, Object max) {
        if (min != null) {
            search.add(Map.entry("search[" + field + "_min]", min));
        }
        if (max != null) {
            search.add(Map.entry("search[" + field + "_max]", max));
        }
        return self();
    }

    /**
     * Records updated on or after this day (day granularity, US/Eastern); see {@link #updatedSince(Instant)}.
     *
     * @param day the day
     * @return this query
     */
    public Q updatedOnOrAfter(LocalDate day) {
        return between("updated", day, null);
    }

    /**
     * Records updated since {@code since}, widened to the US/Eastern day before it because the filter has day
     * granularity; callers dedupe by id and version. Only meaningful for resources with an {@code updated} filter.
     *
     * @param since the earliest change time to include
     * @return this query
     */
    public Q updatedSince(Instant since) {
        return updatedOnOrAfter(FreshBooksTime.updatedMinFor(since));
    }

    /**
     * Only records in this state; {@link VisState#DELETED} lists what default listings hide.
     *
     * @param state the vis state
     * @return only records in this state
     */
    public Q visState(VisState state) {
        return equalTo("vis_state", state.code());
    }

    /**
     * Only deleted records ({@code search[vis_state]=1}).
     *
     * @return only deleted records ({@code search[vis_state]=1})
     */
    public Q deletedOnly() {
        return visState(VisState.DELETED);
    }

    /**
     * {@code include[]=name}.
     *
     * @param name the name
     * @return this query
     */
    public Q include(String name) {
        includes.add(name);
        return self();
    }

    /**
     * {@code sort=field_asc}.
     *
     * @param field the field
     * @return this query
     */
    public Q sortAscending(String field) {
        this.sort = field + "_asc";
        return self();
    }

    /**
     * {@code sort=field_desc}.
     *
     * @param field the field
     * @return this query
     */
    public Q sortDescending(String field) {
        this.sort = field + "_desc";
        return self();
    }

    /**
     * Page size, 1 to 100.
     *
     * @param value the value
     * @return page size, 1 to 100
     */
    public Q perPage(int value) {
        if (value < 1 || value > MAX_PER_PAGE) {
            throw new IllegalArgumentException("per_page must be between 1 and " + MAX_PER_PAGE + ": " + value);
        }
        this.perPage = value;
        return self();
    }

    /**
     * The per page.
     *
     * @return the per page
     */
    public int perPage() {
        return perPage;
    }

    /**
     * The parameters for one page.
     *
     * @param page the page number, from 1
     * @return the parameters for one page
     */
    public QueryParams toParams(int page) {
        QueryParams p = QueryParams.empty().add("page", Math.max(1, page)).add("per_page", perPage);
        search.forEach(e -> p.add(e.getKey(), e.getValue()));
        includes.forEach(i -> p.add("include[]", i));
        if (sort != null) {
            p.add("sort", sort);
        }
        return p;
    }

    /**
     * The includes requested so far.
     *
     * @return the includes requested so far
     */
    public List<String> includes() {
        return List.copyOf(includes);
    }
}
