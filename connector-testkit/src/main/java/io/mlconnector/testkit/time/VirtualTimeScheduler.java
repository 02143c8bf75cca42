package io.mlconnector.testkit.time;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A {@link ScheduledExecutorService} on virtual time, driven by the test: {@link #advance(Duration)} runs, on the
 * test's thread and in order of their due times, every task that falls due, moving the test's clock to each task's
 * due time before it runs (so what the task reads from the clock is the instant it was scheduled for). Delays, fixed
 * rates and fixed delays are honoured, unlike {@link ManualScheduler}: a test can check <em>when</em> things run (for
 * example how polls spread over an interval) without waiting for real time.
 */
public final class VirtualTimeScheduler extends AbstractExecutorService implements ScheduledExecutorService {
    private final Supplier<Instant> now;
    private final Consumer<Instant> moveTo;
    private final PriorityQueue<Task<?>> queue = new PriorityQueue<>();
    private long sequence;

    /**
     * A scheduler on the time of a clock the test moves.
     *
     * @param now    reads the clock
     * @param moveTo sets the clock (forward only)
     */
    public VirtualTimeScheduler(Supplier<Instant> now, Consumer<Instant> moveTo) {
        this.now = Objects.requireNonNull(now, "now");
        this.moveTo = Objects.requireNonNull(moveTo, "moveTo");
    }

    /**
     * A scheduler on a {@link MutableClock}.
     *
     * @param clock the clock the scheduler moves
     * @return the scheduler
     */
    public static VirtualTimeScheduler on(MutableClock clock) {
        return new VirtualTimeScheduler(clock::instant, clock::set);
    }

    /**
     * Runs every task due within {@code by} from now, in due order, then leaves the clock at now + {@code by}.
     *
     * @param by how far to move the virtual time (not negative)
     * @return how many task runs there were
     */
    public int advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("time only moves forward");
        }
        Instant target = now.get().plus(by);
        int runs = 0;
        while (true) {
            Task<?> next;
            synchronized (this) {
                next = queue.peek();
                if (next == null || next.due.isAfter(target)) {
                    break;
                }
                queue.poll();
            }
            if (next.isCancelled()) {
                continue;
            }
            if (next.due.isAfter(now.get())) {
                moveTo.accept(next.due);
            }
            next.runOnce();
            runs++;
        }
        if (target.isAfter(now.get())) {
            moveTo.accept(target);
        }
        return runs;
    }

    /**
     * Runs what is due now (no time passes).
     *
     * @return how many task runs there were
     */
    public int runDue() {
        return advance(Duration.ZERO);
    }

    /**
     * The tasks waiting to run (periodic ones count once), cancelled ones excluded.
     *
     * @return how many there are
     */
    public synchronized int pending() {
        return (int) queue.stream().filter(t -> !t.isCancelled()).count();
    }

    private synchronized <V> Task<V> enqueue(Task<V> task) {
        queue.add(task);
        return task;
    }

    private synchronized void requeue(Task<?> task) {
        task.seq = sequence++;
        queue.add(task);
    }

    private Task<Object> periodic(Runnable command, long initialDelay, long period, TimeUnit unit, boolean fixedRate) {
        if (period <= 0) {
            throw new IllegalArgumentException("period must be positive");
        }
        Duration p = Duration.ofNanos(unit.toNanos(period));
        return enqueue(new Task<>(java.util.concurrent.Executors.callable(command),
                now.get().plusNanos(unit.toNanos(Math.max(0, initialDelay))), p, fixedRate));
    }

    @Override
    public void execute(Runnable command) {
        enqueue(new Task<>(java.util.concurrent.Executors.callable(command), now.get(), null, false));
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return schedule(java.util.concurrent.Executors.callable(command), delay, unit);
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        return enqueue(new Task<>(callable, now.get().plusNanos(unit.toNanos(Math.max(0, delay))), null, false));
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        return periodic(command, initialDelay, period, unit, true);
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        return periodic(command, initialDelay, delay, unit, false);
    }

    @Override
    public void shutdown() {
    }

    @Override
    public List<Runnable> shutdownNow() {
        return new ArrayList<>();
    }

    @Override
    public boolean isShutdown() {
        return false;
    }

    @Override
    public boolean isTerminated() {
        return false;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return true;
    }

    /** A task due at an instant of virtual time; periodic when {@code period} is set. */
    private final class Task<V> extends FutureTask<V> implements ScheduledFuture<V> {
        private Instant due;
        private final Duration period;
        private final boolean fixedRate;
        private long seq;

        Task(Callable<V> callable, Instant due, Duration period, boolean fixedRate) {
            super(callable);
            this.due = due;
            this.period = period;
            this.fixedRate = fixedRate;
            synchronized (VirtualTimeScheduler.this) {
                this.seq = sequence++;
            }
        }

        void runOnce() {
            if (period == null) {
                run();
                return;
            }
            if (runAndReset() && !isCancelled()) {
                due = fixedRate ? due.plus(period) : now.get().plus(period);
                requeue(this);
            }
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(Duration.between(now.get(), due).toNanos(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed o) {
            if (o instanceof Task<?> t) {
                int c = due.compareTo(t.due);
                return c != 0 ? c : Long.compare(seq, t.seq);
            }
            return Long.compare(getDelay(TimeUnit.NANOSECONDS), o.getDelay(TimeUnit.NANOSECONDS));
        }
    }
}
