package io.mlconnector.core.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.mlconnector.core.state.EnqueueResult;
import io.mlconnector.core.sync.internal.flow.GroupCommitter;
import io.mlconnector.core.state.InMemorySyncStateStore;
import io.mlconnector.core.state.SyncStateStore;
import io.mlconnector.core.state.WorkItem;
import io.mlconnector.core.state.WorkStatus;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Group commit of the intake: callers that arrive while a commit is in flight share the next one, none is answered
 * before the commit that holds its item, and a failed commit fails exactly the callers of its group.
 */
class GroupCommitterTest {
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ExecutorService callers = Executors.newCachedThreadPool();
    private final GatedStore store = new GatedStore();

    @AfterEach
    void stop() {
        store.open();
        callers.shutdownNow();
    }

    private static WorkItem item(String id) {
        return WorkItem.ready(id, "acme", "key-" + id, "freshbooks.bill", "{}", T0);
    }

    /**
     * An in-memory store whose {@code enqueueAll} records each call's ids, holds every call at a gate until opened,
     * and can be told to fail one call or to refuse a list holding a given id. Everything else goes to the in-memory
     * store ({@link #store()}).
     */
    static final class GatedStore {
        final InMemorySyncStateStore memory = new InMemorySyncStateStore();
        final List<List<String>> calls = new CopyOnWriteArrayList<>();
        final CountDownLatch firstCallEntered = new CountDownLatch(1);
        private final CountDownLatch gate = new CountDownLatch(1);
        volatile int failCall = -1;
        volatile String refusedId;
        private final SyncStateStore proxy = (SyncStateStore) Proxy.newProxyInstance(
                SyncStateStore.class.getClassLoader(), new Class<?>[] {SyncStateStore.class}, (p, method, args) -> {
                    if ("enqueueAll".equals(method.getName())) {
                        @SuppressWarnings("unchecked")
                        List<WorkItem> items = (List<WorkItem>) args[0];
                        return enqueueAll(items);
                    }
                    try {
                        return method.invoke(memory, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });

        SyncStateStore store() {
            return proxy;
        }

        void open() {
            gate.countDown();
        }

        long count(WorkStatus status) {
            return memory.count(status);
        }

        java.util.Optional<WorkItem> item(String id) {
            return memory.item(id);
        }

        private List<EnqueueResult> enqueueAll(List<WorkItem> items) {
            int n = calls.size();
            calls.add(items.stream().map(WorkItem::id).toList());
            firstCallEntered.countDown();
            try {
                if (!gate.await(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("gate never opened");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (n == failCall) {
                throw new IllegalStateException("database unavailable");
            }
            if (refusedId != null && items.stream().anyMatch(w -> w.id().equals(refusedId))) {
                throw new IllegalArgumentException("dedupeKey is too long");
            }
            return List.copyOf(memory.enqueueAll(items)); // immutable, as the JDBC store answers
        }
    }

    private Future<EnqueueResult> call(GroupCommitter committer, String id) {
        return callers.submit(() -> committer.enqueue(item(id)));
    }

    @Test
    void callersArrivingDuringACommit_shareTheNextCommit_andNoneReturnsBeforeIt() throws Exception {
        GroupCommitter committer = new GroupCommitter(store.store(), 256, 1);
        Future<EnqueueResult> first = call(committer, "a");
        assertThat(store.firstCallEntered.await(10, TimeUnit.SECONDS)).isTrue();
        List<Future<EnqueueResult>> next = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            next.add(call(committer, "b" + i));
        }
        await().atMost(WAIT).until(() -> committer.waiting() == 5);

        assertThat(first.isDone()).isFalse();
        assertThat(next).noneMatch(Future::isDone);
        assertThat(store.count(WorkStatus.READY)).isZero();

        store.open();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(EnqueueResult.ADDED);
        for (Future<EnqueueResult> f : next) {
            assertThat(f.get(10, TimeUnit.SECONDS)).isEqualTo(EnqueueResult.ADDED);
        }
        assertThat(store.calls).hasSize(2);
        assertThat(store.calls.get(0)).containsExactly("a");
        assertThat(store.calls.get(1)).containsExactlyInAnyOrder("b0", "b1", "b2", "b3", "b4");
        assertThat(store.count(WorkStatus.READY)).isEqualTo(6);
    }

    @Test
    void upToMaxInFlightCallers_commitAtOnce_inParallel_andTheNextOnesShareTheFirstFreeCommit() throws Exception {
        GroupCommitter committer = new GroupCommitter(store.store(), 256, 2);
        Future<EnqueueResult> a1 = call(committer, "a1");
        Future<EnqueueResult> a2 = call(committer, "a2");
        await().atMost(WAIT).until(() -> store.calls.size() == 2); // both commits in flight at once
        List<Future<EnqueueResult>> next = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            next.add(call(committer, "b" + i));
        }
        await().atMost(WAIT).until(() -> committer.waiting() == 3);
        assertThat(store.calls).hasSize(2);
        assertThat(next).noneMatch(Future::isDone);

        store.open();

        assertThat(a1.get(10, TimeUnit.SECONDS)).isEqualTo(EnqueueResult.ADDED);
        assertThat(a2.get(10, TimeUnit.SECONDS)).isEqualTo(EnqueueResult.ADDED);
        for (Future<EnqueueResult> f : next) {
            assertThat(f.get(10, TimeUnit.SECONDS)).isEqualTo(EnqueueResult.ADDED);
        }
        assertThat(store.calls).hasSize(3);
        assertThat(store.calls.get(2)).containsExactlyInAnyOrder("b0", "b1", "b2");
        assertThat(committer.waiting()).isZero();
        assertThat(committer.enqueue(item("c"))).isEqualTo(EnqueueResult.ADDED); // every lead was given back
    }

    @Test
    void aLoneCaller_commitsAtOnce_onItsOwnThread() {
        store.open();
        GroupCommitter committer = new GroupCommitter(store.store(), 256, 1);

        assertThat(committer.enqueue(item("a"))).isEqualTo(EnqueueResult.ADDED);
        assertThat(committer.enqueue(item("a"))).isEqualTo(EnqueueResult.DUPLICATE); // same id and key

        assertThat(store.calls).containsExactly(List.of("a"), List.of("a"));
        assertThat(committer.waiting()).isZero();
    }

    @Test
    void aFailedCommit_failsEveryCallerOfItsGroup_andTheNextGroupStillCommits() throws Exception {
        store.failCall = 1;
        GroupCommitter committer = new GroupCommitter(store.store(), 256, 1);
        Future<EnqueueResult> first = call(committer, "a");
        assertThat(store.firstCallEntered.await(10, TimeUnit.SECONDS)).isTrue();
        List<Future<EnqueueResult>> group = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            group.add(call(committer, "b" + i));
        }
        await().atMost(WAIT).until(() -> committer.waiting() == 3);

        store.open();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(EnqueueResult.ADDED);
        for (Future<EnqueueResult> f : group) {
            assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(IllegalStateException.class).hasMessage("database unavailable");
        }
        assertThat(store.item("b0")).isEmpty();
        assertThat(committer.enqueue(item("c"))).isEqualTo(EnqueueResult.ADDED);
        assertThat(store.calls).hasSize(3);
    }

    @Test
    void aGroupIsBounded_andTheRestFollowInTheNextCommits() throws Exception {
        GroupCommitter committer = new GroupCommitter(store.store(), 2, 1);
        Future<EnqueueResult> first = call(committer, "a");
        assertThat(store.firstCallEntered.await(10, TimeUnit.SECONDS)).isTrue();
        List<Future<EnqueueResult>> rest = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            rest.add(call(committer, "b" + i));
        }
        await().atMost(WAIT).until(() -> committer.waiting() == 5);

        store.open();

        first.get(10, TimeUnit.SECONDS);
        for (Future<EnqueueResult> f : rest) {
            assertThat(f.get(10, TimeUnit.SECONDS)).isEqualTo(EnqueueResult.ADDED);
        }
        assertThat(store.calls).extracting(List::size).containsExactly(1, 2, 2, 1);
        assertThat(store.count(WorkStatus.READY)).isEqualTo(6);
    }

    @Test
    void anItemTheStoreRefuses_failsOnlyItsOwnCaller() throws Exception {
        store.refusedId = "bad";
        GroupCommitter committer = new GroupCommitter(store.store(), 256, 1);
        Future<EnqueueResult> first = call(committer, "a");
        assertThat(store.firstCallEntered.await(10, TimeUnit.SECONDS)).isTrue();
        Future<EnqueueResult> good1 = call(committer, "good1");
        await().atMost(WAIT).until(() -> committer.waiting() == 1);
        Future<EnqueueResult> bad = call(committer, "bad");
        await().atMost(WAIT).until(() -> committer.waiting() == 2);
        Future<EnqueueResult> good2 = call(committer, "good2");
        await().atMost(WAIT).until(() -> committer.waiting() == 3);

        store.open();

        first.get(10, TimeUnit.SECONDS);
        assertThat(good1.get(10, TimeUnit.SECONDS)).isEqualTo(EnqueueResult.ADDED);
        assertThat(good2.get(10, TimeUnit.SECONDS)).isEqualTo(EnqueueResult.ADDED);
        assertThatThrownBy(() -> bad.get(10, TimeUnit.SECONDS)).cause()
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store.calls).containsExactly(List.of("a"), List.of("good1", "bad", "good2"), List.of("good1"),
                List.of("bad"), List.of("good2"));
    }

    @Test
    void anAsynchronousCaller_doesNotBlock_andCompletesOnlyAfterItsCommit() {
        store.open();
        ManualExecutor executor = new ManualExecutor();
        GroupCommitter committer = new GroupCommitter(store.store(), 256, 1);

        CompletableFuture<EnqueueResult> a = committer.enqueueAsync(item("a"), executor);
        CompletableFuture<EnqueueResult> b = committer.enqueueAsync(item("b"), executor);

        assertThat(a).isNotDone();
        assertThat(b).isNotDone();
        assertThat(store.calls).isEmpty();
        assertThat(executor.pending()).as("one lead launched, the second caller joins its group").isEqualTo(1);

        executor.runNext();

        assertThat(a).isCompletedWithValue(EnqueueResult.ADDED);
        assertThat(b).isCompletedWithValue(EnqueueResult.ADDED);
        assertThat(store.calls).containsExactly(List.of("a", "b"));
        assertThat(executor.pending()).isZero();
    }

    @Test
    void aSynchronousLeader_alsoCommitsTheAsynchronousCallersWaitingBehindIt() throws Exception {
        ManualExecutor executor = new ManualExecutor();
        GroupCommitter committer = new GroupCommitter(store.store(), 256, 1);
        Future<EnqueueResult> first = call(committer, "a");
        assertThat(store.firstCallEntered.await(10, TimeUnit.SECONDS)).isTrue();
        Future<EnqueueResult> sync = call(committer, "s");
        await().atMost(WAIT).until(() -> committer.waiting() == 1);
        CompletableFuture<EnqueueResult> async = committer.enqueueAsync(item("x"), executor);

        store.open();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(EnqueueResult.ADDED);
        assertThat(sync.get(10, TimeUnit.SECONDS)).isEqualTo(EnqueueResult.ADDED);
        assertThat(async.get(10, TimeUnit.SECONDS)).isEqualTo(EnqueueResult.ADDED);
        assertThat(executor.pending()).as("no lead of its own was needed").isZero();
        assertThat(store.calls).containsExactly(List.of("a"), List.of("s", "x"));
    }

    @Test
    void anAsynchronousCallerAtTheHead_leadsTheNextCommitOnItsExecutor() throws Exception {
        ManualExecutor executor = new ManualExecutor();
        GroupCommitter committer = new GroupCommitter(store.store(), 1, 1);
        Future<EnqueueResult> first = call(committer, "a");
        assertThat(store.firstCallEntered.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<EnqueueResult> async = committer.enqueueAsync(item("x"), executor);

        store.open();
        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(EnqueueResult.ADDED);
        await().atMost(WAIT).until(() -> executor.pending() == 1);
        assertThat(async).isNotDone();

        executor.runNext();

        assertThat(async).isCompletedWithValue(EnqueueResult.ADDED);
        assertThat(store.calls).containsExactly(List.of("a"), List.of("x"));
    }

    @Test
    void aFailedAsynchronousCommit_failsTheFuture() {
        store.open();
        store.failCall = 0;
        ManualExecutor executor = new ManualExecutor();
        GroupCommitter committer = new GroupCommitter(store.store(), 256, 1);

        CompletableFuture<EnqueueResult> a = committer.enqueueAsync(item("a"), executor);
        executor.runNext();

        assertThat(a).isCompletedExceptionally();
        assertThatThrownBy(a::join).hasCauseInstanceOf(IllegalStateException.class);
        assertThat(committer.enqueue(item("b"))).isEqualTo(EnqueueResult.ADDED);
    }

    @Test
    void manyConcurrentCallers_areEachAnsweredOnce_withEveryItemQueued() throws Exception {
        store.open();
        GroupCommitter committer = new GroupCommitter(store.store(), 16, 3);
        AtomicInteger added = new AtomicInteger();
        List<Future<?>> running = new ArrayList<>();
        CountDownLatch go = new CountDownLatch(1);
        for (int t = 0; t < 32; t++) {
            int thread = t;
            running.add(callers.submit(() -> {
                go.await();
                for (int i = 0; i < 50; i++) {
                    if (committer.enqueue(item(thread + "-" + i)) == EnqueueResult.ADDED) {
                        added.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> f : running) {
            f.get(30, TimeUnit.SECONDS);
        }

        assertThat(added).hasValue(1_600);
        assertThat(store.count(WorkStatus.READY)).isEqualTo(1_600);
        assertThat(store.calls).allSatisfy(c -> assertThat(c.size()).isBetween(1, 16));
        assertThat(committer.waiting()).isZero();
    }

    /** Runs submitted tasks only when told to. */
    private static final class ManualExecutor implements Executor {
        private final Queue<Runnable> tasks = new ArrayDeque<>();

        @Override
        public synchronized void execute(Runnable task) {
            tasks.add(task);
        }

        synchronized int pending() {
            return tasks.size();
        }

        void runNext() {
            Runnable next;
            synchronized (this) {
                next = tasks.remove();
            }
            next.run();
        }
    }
}
