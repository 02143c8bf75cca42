package io.mlconnector.core.state;

import java.time.Instant;

/**
 * How far polling has got in one stream of one connection.
 *
 * @param connectionId connection
 * @param stream       stream name (e.g. {@code freshbooks.BILLS} or {@code procore.CHANGE_ORDERS:316469})
 * @param position     the instant up to which changes have been enqueued
 * @param updatedAt    when the cursor was saved
 */
public record Cursor(String connectionId, String stream, Instant position, Instant updatedAt) {
}
