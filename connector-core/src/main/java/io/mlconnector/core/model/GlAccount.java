package io.mlconnector.core.model;

/**
 * An account of the accounting system's chart that document lines post to (for FreshBooks bills: the expense
 * category of the line).
 *
 * @param ref    the account in its system
 * @param name   name
 * @param number account number, may be null
 * @param parent parent account, may be null
 * @param active false when archived
 */
public record GlAccount(ExternalRef ref, String name, String number, ExternalRef parent, boolean active) {
}
