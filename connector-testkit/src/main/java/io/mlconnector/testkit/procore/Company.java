package io.mlconnector.testkit.procore;

/**
 * A company the sandbox's apps are installed in.
 *
 * @param id   company id (the {@code Procore-Company-Id} value)
 * @param name name
 */
public record Company(long id, String name) {
}
