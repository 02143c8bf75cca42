package io.mlconnector.testkit.ports;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Insertion-ordered rows of one record type with their change stamps, used by the in-memory ports. Not
 * thread-safe by itself: the owning port guards it with its lock.
 */
final class Table<T> {

    /** A stored record with the stamp {@code listChanged} reports. */
    record Row<T>(String id, T value, Instant updatedAt, String version, boolean deleted) {
    }

    private final Map<String, Row<T>> rows = new LinkedHashMap<>();

    Row<T> put(String id, T value, Instant updatedAt, String version, boolean deleted) {
        Row<T> row = new Row<>(id, value, updatedAt, version, deleted);
        rows.put(id, row);
        return row;
    }

    Optional<Row<T>> row(String id) {
        return Optional.ofNullable(rows.get(id));
    }

    Optional<T> get(String id) {
        return row(id).map(Row::value);
    }

    boolean contains(String id) {
        return rows.containsKey(id);
    }

    List<T> values() {
        List<T> out = new ArrayList<>();
        rows.values().forEach(r -> out.add(r.value()));
        return out;
    }

    List<Row<T>> rows() {
        return new ArrayList<>(rows.values());
    }

    /** Rows changed at or after {@code since}, oldest change first. */
    List<Row<T>> changedSince(Instant since) {
        List<Row<T>> out = new ArrayList<>();
        for (Row<T> r : rows.values()) {
            if (!r.updatedAt().isBefore(since)) {
                out.add(r);
            }
        }
        out.sort((a, b) -> a.updatedAt().compareTo(b.updatedAt()));
        return out;
    }
}
