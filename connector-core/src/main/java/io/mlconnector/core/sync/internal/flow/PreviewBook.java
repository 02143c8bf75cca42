package io.mlconnector.core.sync.internal.flow;

import io.mlconnector.core.sync.Preview;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Dry-run previews held in memory: the latest per connection and source record, bounded per connection. */
public final class PreviewBook {
    private final int capacityPerConnection;
    private final Map<String, LinkedHashMap<String, Preview<?>>> byConnection = new LinkedHashMap<>();

    public PreviewBook(int capacityPerConnection) {
        this.capacityPerConnection = capacityPerConnection;
    }

    public synchronized void put(Preview<?> preview) {
        LinkedHashMap<String, Preview<?>> m = byConnection.computeIfAbsent(preview.connectionId(),
                k -> new LinkedHashMap<>());
        m.remove(preview.sourceKey());
        m.put(preview.sourceKey(), preview);
        while (m.size() > capacityPerConnection) {
            m.remove(m.keySet().iterator().next());
        }
    }

    public synchronized List<Preview<?>> list(String connectionId) {
        Map<String, Preview<?>> m = byConnection.get(connectionId);
        return m == null ? List.of() : List.copyOf(new ArrayList<>(m.values()));
    }

    public synchronized void clear(String connectionId) {
        byConnection.remove(connectionId);
    }
}
