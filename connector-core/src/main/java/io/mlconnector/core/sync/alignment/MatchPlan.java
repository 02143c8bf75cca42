package io.mlconnector.core.sync.alignment;

import io.mlconnector.core.mapping.Mapping;
import java.util.ArrayList;
import java.util.List;

/** What {@link Matcher} decided for one kind, before anything is written. */
final class MatchPlan {

    /**
     * A pair of records.
     *
     * @param accounting accounting side
     * @param project    project side
     * @param basis      why
     * @param existing   the mapping row already in the table for the accounting id, may be null
     */
    record Pair(Candidate accounting, Candidate project, MatchBasis basis, Mapping existing) {
    }

    /**
     * A record found on one side only.
     *
     * @param candidate  the record
     * @param accounting whether it is on the accounting side
     * @param note       why it was not paired
     * @param creatable  whether alignment may create its counterpart (false when something else already claims it)
     */
    record Single(Candidate candidate, boolean accounting, String note, boolean creatable) {
    }

    final List<Pair> matched = new ArrayList<>();
    final List<Pair> suggested = new ArrayList<>();
    final List<Single> unmatched = new ArrayList<>();
}
