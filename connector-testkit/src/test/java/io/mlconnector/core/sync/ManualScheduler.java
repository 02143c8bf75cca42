package io.mlconnector.core.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A scheduler driven by the test: tasks run only when {@link #runPeriodic()} or {@link #runSubmitted()} says so, on
 * the test's thread; cancelled periodic tasks never run again.
 */
final class ManualScheduler extends AbstractExecutorService implements ScheduledExecutorService {
    private final List<Task> periodic = new ArrayList<>();
    private final List<Runnable> submitted = new ArrayList<>();

    /** Runs every periodic task that is not cancelled, once. Returns how many ran. */
    synchronized int runPeriodic() {
        int n = 0;
        for (Task t : List.copyOf(periodic)) {
            if (!t.isCancelled()) {
                t.command.run();
                n++;
            }
        }
        return n;
    }

    /** Runs what was handed to {@link #execute} (worker passes), including what those runs hand over. */
    void runSubmitted() {
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

    /** Periodic tasks not cancelled. */
    synchronized int activePeriodic() {
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

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException();
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
