package io.mlconnector.core.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A store that does not override {@link SyncStateStore#queueStats} still answers it, from its item lists. */
class QueueStatsDefaultTest {
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

    @Test
    void theDefault_countsFromTheItemLists_andFindsTheOldestDueReadyItem() {
        InMemorySyncStateStore real = new InMemorySyncStateStore();
        // forwards every abstract method; queueStats stays the interface's default
        SyncStateStore plain = (SyncStateStore) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {SyncStateStore.class}, (proxy, method, args) -> method.isDefault()
                        ? java.lang.reflect.InvocationHandler.invokeDefault(proxy, method, args)
                        : method.invoke(real, args));
        plain.enqueue(WorkItem.ready("a", "acme", "ka", "t", "", T0));
        plain.enqueue(WorkItem.ready("b", "acme", "kb", "t", "", T0.plusSeconds(5)));
        plain.enqueue(WorkItem.ready("c", "other", "kc", "t", "", T0.minusSeconds(60)));
        plain.claim("w", 1, Duration.ofSeconds(30), T0.plusSeconds(1)); // takes c (earliest)
        plain.claim("w", 1, Duration.ofSeconds(30), T0.plusSeconds(1)); // takes a

        QueueStats stats = plain.queueStats("acme", T0.plusSeconds(10));

        assertThat(stats.count(WorkStatus.READY)).isEqualTo(1);
        assertThat(stats.count(WorkStatus.LEASED)).isEqualTo(1);
        assertThat(stats.oldestReadyAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(stats).isEqualTo(real.queueStats("acme", T0.plusSeconds(10)));
    }
}
