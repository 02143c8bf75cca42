package io.mlconnector.testkit.freshbooks;

/**
 * A client (customer).
 *
 * @param id           client id ({@code userid})
 * @param organization organization
 * @param email        e-mail
 * @param visState     0 active
 */
public record Client(long id, String organization, String email, int visState) {
}
