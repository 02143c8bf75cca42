package io.mlconnector.freshbooks.query;

import java.util.Arrays;

/** Client list query: email, email-like, ids. */
public final class ClientQuery extends AccountingQuery<ClientQuery> {

    /**
     * A query with no filters.
     *
     * @return a new query
     */
    public static ClientQuery create() {
        return new ClientQuery();
    }

    /**
     * Only clients whose email is {@code email}.
     *
     * @param email the value to match
     * @return this query
     */
    public ClientQuery email(String email) {
        return equalTo("email", email);
    }

    /**
     * Only clients whose email like is {@code fragment}.
     *
     * @param fragment the value to match
     * @return this query
     */
    public ClientQuery emailLike(String fragment) {
        return like("email", fragment);
    }

    /**
     * Only clients whose user id is one of {@code ids}.
     *
     * @param ids the values to match
     * @return this query
     */
    public ClientQuery userIds(long... ids) {
        return in("userids", Arrays.stream(ids).boxed().toList());
    }

    @Override
    protected ClientQuery self() {
        return this;
    }
}
