package io.mlconnector.core.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.mlconnector.core.state.WorkStatus;
import io.mlconnector.core.sync.internal.flow.GroupCommitter;
import io.mlconnector.core.webhook.WebhookRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The engine's webhook intake with group commit, end to end through {@link SyncEngine}: deliveries that arrive while a
 * commit is in flight are written by one commit, none is answered before it, and a failed commit fails every
 * delivery of its group (the host answers 5xx, the sender redelivers). The asynchronous variants never block.
 */
class GroupCommitIntakeTest {
    private EngineFixture fx;
    private GroupCommitterTest.GatedStore gated;
    private SyncEngine engine;
    private final List<Thread> started = new ArrayList<>();
    private final ConcurrentHashMap<Thread, FutureTask<WebhookResponse>> answers = new ConcurrentHashMap<>();

    @BeforeEach
    void setUp() {
        fx = new EngineFixture();
        gated = new GroupCommitterTest.GatedStore();
        engine = fx.engine(fx.policy().build(), "node-a", Runnable::run, b -> b.stateStore(gated.store()));
    }

    @AfterEach
    void tearDown() throws InterruptedException {
        gated.open();
        for (Thread t : started) {
            t.join(10_000);
        }
    }

    private Thread deliver(Function<SyncEngine, WebhookResponse> delivery) {
        FutureTask<WebhookResponse> task = new FutureTask<>(() -> delivery.apply(engine));
        Thread t = new Thread(task, "delivery-" + started.size());
        answers.put(t, task);
        started.add(t);
        t.start();
        return t;
    }

    private FutureTask<WebhookResponse> answer(Thread t) {
        return answers.get(t);
    }

    /** Whether {@code t} waits in the group committer for a commit that holds its item. */
    private static boolean waitsForItsCommit(Thread t) {
        List<StackTraceElement> stack = Arrays.asList(t.getStackTrace());
        return stack.stream().anyMatch(e -> e.getMethodName().equals("awaitUninterruptibly"))
                && stack.stream().anyMatch(e -> e.getClassName().equals(GroupCommitter.class.getName()));
    }

    /** Fills every commit lane of the engine with a delivery held in the store; returns their threads. */
    private List<Thread> occupyEveryLane() {
        List<Thread> lanes = new ArrayList<>();
        for (int i = 0; i < GroupCommitter.DEFAULT_MAX_IN_FLIGHT; i++) {
            String id = "100" + i;
            lanes.add(deliver(e -> e.onFreshBooksWebhook(fx.freshBooksWebhook("bill.create", id))));
            int entered = i + 1;
            await().atMost(Duration.ofSeconds(10)).until(() -> gated.calls.size() == entered);
        }
        return lanes;
    }

    @Test
    void simultaneousDeliveries_shareOneCommit_andNoneIsAnsweredBeforeIt() throws Exception {
        List<Thread> lanes = occupyEveryLane();
        List<Thread> burst = new ArrayList<>();
        for (int i = 2; i <= 4; i++) {
            String id = String.valueOf(i);
            burst.add(deliver(e -> e.onFreshBooksWebhook(fx.freshBooksWebhook("bill.create", id))));
        }
        burst.add(deliver(e -> e.onProcoreWebhook(fx.procoreWebhook("01HX0000000000000000000001", "Direct Costs",
                "555", fx.tower.projectId(), null))));
        await().atMost(Duration.ofSeconds(10)).until(() -> burst.stream().allMatch(
                GroupCommitIntakeTest::waitsForItsCommit));

        assertThat(lanes).noneMatch(t -> answer(t).isDone());
        assertThat(burst).noneMatch(t -> answer(t).isDone());
        assertThat(gated.count(WorkStatus.READY)).isZero();

        gated.open();

        for (Thread t : lanes) {
            assertThat(answer(t).get(10, TimeUnit.SECONDS)).isEqualTo(WebhookResponse.ok("queued"));
        }
        for (Thread t : burst) {
            assertThat(answer(t).get(10, TimeUnit.SECONDS)).isEqualTo(WebhookResponse.ok("queued"));
        }
        assertThat(gated.calls).hasSize(GroupCommitter.DEFAULT_MAX_IN_FLIGHT + 1);
        assertThat(gated.calls.get(GroupCommitter.DEFAULT_MAX_IN_FLIGHT)).hasSize(4);
        assertThat(gated.count(WorkStatus.READY)).isEqualTo(GroupCommitter.DEFAULT_MAX_IN_FLIGHT + 4);
    }

    @Test
    void aFailedCommit_failsEveryDeliveryOfItsGroup_andAcknowledgesNone() throws Exception {
        gated.failCall = GroupCommitter.DEFAULT_MAX_IN_FLIGHT;
        List<Thread> lanes = occupyEveryLane();
        List<Thread> group = new ArrayList<>();
        for (int i = 2; i <= 4; i++) {
            String id = String.valueOf(i);
            group.add(deliver(e -> e.onFreshBooksWebhook(fx.freshBooksWebhook("bill.create", id))));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> group.stream().allMatch(
                GroupCommitIntakeTest::waitsForItsCommit));

        gated.open();

        for (Thread t : lanes) {
            assertThat(answer(t).get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
        }
        for (Thread t : group) {
            assertThatThrownBy(() -> answer(t).get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(IllegalStateException.class).hasMessage("database unavailable");
        }
        assertThat(gated.count(WorkStatus.READY)).isEqualTo(GroupCommitter.DEFAULT_MAX_IN_FLIGHT);
        // the sender redelivers: queued now
        assertThat(engine.onFreshBooksWebhook(fx.freshBooksWebhook("bill.create", "3")))
                .isEqualTo(WebhookResponse.ok("queued"));
    }

    @Test
    void asyncDelivery_returnsAtOnce_andIsAnsweredAfterItsCommit() {
        gated.open();
        List<Runnable> commits = new ArrayList<>();
        Executor manual = commits::add;

        CompletableFuture<WebhookResponse> fb = engine.onFreshBooksWebhookAsync(
                fx.freshBooksWebhook("bill.create", "1"), manual);
        CompletableFuture<WebhookResponse> pc = engine.onProcoreWebhookAsync(fx.procoreWebhook(
                "01HX0000000000000000000002", "Direct Costs", "556", fx.tower.projectId(), null), manual);

        assertThat(fb).isNotDone();
        assertThat(pc).isNotDone();
        assertThat(gated.count(WorkStatus.READY)).isZero();
        assertThat(commits).as("a lead each (lanes were free), on the host's executor").hasSize(2);

        commits.remove(0).run(); // commits both: they were waiting
        commits.remove(0).run(); // finds nothing left, gives its lead back

        assertThat(fb).isCompletedWithValue(WebhookResponse.ok("queued"));
        assertThat(pc).isCompletedWithValue(WebhookResponse.ok("queued"));
        assertThat(gated.calls).singleElement().satisfies(c -> assertThat(c).hasSize(2));
        assertThat(commits).isEmpty();
    }

    @Test
    void asyncRejection_isAnsweredAtOnce_withoutACommit() {
        List<Runnable> commits = new ArrayList<>();
        WebhookRequest forged = fx.signedFreshBooks("name=bill.create&object_id=9&account_id=" + EngineFixture.ACCOUNT,
                "not-the-secret");

        CompletableFuture<WebhookResponse> r = engine.onFreshBooksWebhookAsync(forged, commits::add);

        assertThat(r).isCompleted();
        assertThat(r.join().status()).isEqualTo(401);
        assertThat(commits).isEmpty();
        assertThat(gated.calls).isEmpty();
    }

    @Test
    void asyncDelivery_whoseCommitFails_failsItsFuture() {
        gated.open();
        gated.failCall = 0;
        List<Runnable> commits = new ArrayList<>();

        CompletableFuture<WebhookResponse> r = engine.onFreshBooksWebhookAsync(
                fx.freshBooksWebhook("bill.create", "1"), commits::add);
        commits.remove(0).run();

        assertThat(r).isCompletedExceptionally();
        assertThatThrownBy(r::join).hasCauseInstanceOf(IllegalStateException.class);
        assertThat(gated.count(WorkStatus.READY)).isZero();
    }

    @Test
    void duplicateInTheSameGroup_isAnsweredDuplicate() throws Exception {
        List<Thread> lanes = occupyEveryLane();
        Thread a = deliver(e -> e.onFreshBooksWebhook(fx.freshBooksWebhook("bill.create", "2")));
        await().atMost(Duration.ofSeconds(10)).until(() -> waitsForItsCommit(a));
        Thread b = deliver(e -> e.onFreshBooksWebhook(fx.freshBooksWebhook("bill.create", "2")));
        await().atMost(Duration.ofSeconds(10)).until(() -> waitsForItsCommit(b));

        gated.open();

        for (Thread t : lanes) {
            answer(t).get(10, TimeUnit.SECONDS);
        }
        assertThat(answer(a).get(10, TimeUnit.SECONDS)).isEqualTo(WebhookResponse.ok("queued"));
        assertThat(answer(b).get(10, TimeUnit.SECONDS)).isEqualTo(WebhookResponse.ok("duplicate"));
        assertThat(gated.calls).hasSize(GroupCommitter.DEFAULT_MAX_IN_FLIGHT + 1);
    }
}
