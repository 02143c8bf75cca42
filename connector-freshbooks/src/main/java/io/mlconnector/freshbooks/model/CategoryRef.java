package io.mlconnector.freshbooks.model;

/**
 * The category named on a bill line: its id (when the API embedded the object) and its name.
 *
 * @param id   category id, null when only the name was sent
 * @param name category name
 */
public record CategoryRef(Long id, String name) {
}
