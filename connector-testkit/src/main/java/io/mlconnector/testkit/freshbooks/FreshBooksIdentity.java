package io.mlconnector.testkit.freshbooks;

/**
 * Who the sandbox's single user is and which business it owns: the ids a client discovers through
 * {@code /auth/api/v1/users/me}.
 *
 * @param identityId   identity id (appears as {@code identity_id} in webhooks)
 * @param userId       legacy user id ({@code user_id} in webhooks)
 * @param email        e-mail
 * @param firstName    first name
 * @param lastName     last name
 * @param businessId   business id (projects namespace)
 * @param businessUuid business uuid
 * @param accountId    account id (accounting and events namespaces)
 * @param businessName business name
 * @param currency     home currency (ISO code)
 */
public record FreshBooksIdentity(long identityId, long userId, String email, String firstName, String lastName,
                                 long businessId, String businessUuid, String accountId, String businessName,
                                 String currency) {

    /**
     * The default identity: account {@code 6BApk}, business 6543, identity 1234, user 1, USD.
     *
     * @return the default identity: account {@code 6BApk}, business 6543, identity 1234, user 1, USD
     */
    public static FreshBooksIdentity defaults() {
        return new FreshBooksIdentity(1234, 1, "owner@example.com", "Pat", "Owner", 6543,
            "4f8a7c1e-0b1d-4e55-9a0e-6543a1b2c3d4", "6BApk", "Sandbox Construction Co", "USD");
    }
}
