package io.mlconnector.freshbooks.query;

import java.util.Arrays;

/** Client list query: email, email-like, ids. */
public final class ClientQuery extends AccountingQuery<ClientQuery> {

    public static ClientQuery create() {
        return new ClientQuery();
    }

    public ClientQuery email(String email) {
        return equalTo("email", email);
    }

    public ClientQuery emailLike(String fragment) {
        return like("email", fragment);
    }

    public ClientQuery userIds(long... ids) {
        return in("userids", Arrays.stream(ids).boxed().toList());
    }

    @Override
    protected ClientQuery self() {
        return this;
    }
}
