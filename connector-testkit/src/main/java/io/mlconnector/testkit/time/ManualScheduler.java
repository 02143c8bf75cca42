package io.mlconnector.testkit.time;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A {@link ScheduledExecutorService} driven by the test: nothing runs until the test says so, on the test's own
 * thread. Periodic tasks (what {@code SyncEngine.start} schedules: polls, worker ticks) run once per
 * {@link #runPeriodic()}; tasks handed to {@link #execute} or {@code schedule} run at {@link #runSubmitted()};
 * cancelled periodic tasks never run again. Lets a test drive an engine's schedule step by step, without sleeping.
 */
public final class ManualScheduler extends AbstractExecutorService implements ScheduledExecutorService {
    private final List<Task> periodic = new ArrayList<>();
    private final List<Runnable> submitted = new ArrayList<>();

    /** Creates a scheduler with nothing scheduled. */
    public ManualScheduler() {
    }

    /**
     * Runs every periodic task that is not cancelled, once.
     *
     * @return how many ran
     */
    public synchronized int runPeriodic() {
        int n = 0;
        for (Task t : List.copyOf(periodic)) {
            if (!t.isCancelled()) {
                t.command.run();
                n++;
            }
        }
        return n;
    }

    /** Runs what was handed to {@link #execute} or {@code schedule}, including what those runs hand over. */
    public void runSubmitted() {
        while (true) {
            Runnable next;
            synchronized (this) {
                if (submitted.isEmpty()) {
                    return;
                }
                next = submitted.remove(0);
            }
            next.run();
        }
    }

    /**
     * The periodic tasks not cancelled.
     *
     * @return how many there are
     */
    public synchronized int activePeriodic() {
        return (int) periodic.stream().filter(t -> !t.isCancelled()).count();
    }

    @Override
    public synchronized void execute(Runnable command) {
        submitted.add(command);
    }

    @Override
    public synchronized ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay,
                                                                  TimeUnit unit) {
        Task t = new Task(command);
        periodic.add(t);
        return t;
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        return scheduleWithFixedDelay(command, initialDelay, period, unit);
    }

    /** Runs {@code command} at the next {@link #runSubmitted()}, whatever the delay. */
    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return schedule(java.util.concurrent.Executors.callable(command), delay, unit);
    }

    /** Runs {@code callable} at the next {@link #runSubmitted()}, whatever the delay. */
    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        OneShot<V> task = new OneShot<>(callable);
        execute(task);
        return task;
    }

    @Override
    public void shutdown() {
    }

    @Override
    public List<Runnable> shutdownNow() {
        return List.of();
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

    /** A delayed task: a {@link java.util.concurrent.FutureTask} that reports no delay. */
    private static final class OneShot<V> extends java.util.concurrent.FutureTask<V> implements ScheduledFuture<V> {
        OneShot(Callable<V> callable) {
            super(callable);
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return 0;
        }

        @Override
        public int compareTo(Delayed o) {
            return 0;
        }
    }

    private static final class Task implements ScheduledFuture<Object> {
        final Runnable command;
        private volatile boolean cancelled;

        Task(Runnable command) {
            this.command = command;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return 0;
        }

        @Override
        public int compareTo(Delayed o) {
            return 0;
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            cancelled = true;
            return true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public boolean isDone() {
            return cancelled;
        }

        @Override
        public Object get() {
            return null;
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            return null;
        }
    }
}
