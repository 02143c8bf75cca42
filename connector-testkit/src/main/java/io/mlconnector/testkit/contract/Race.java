package io.mlconnector.testkit.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

/**
 * Starts several tasks on their own threads at the same moment (behind a latch) and collects their results, so
 * contract suites can check what happens when callers really collide. Your own concurrency tests may use it too:
 * <pre>
 * List&lt;Boolean&gt; won = Race.run(4, i -&gt; () -&gt; tryToClaim("worker-" + i));
 * assertThat(won).containsOnlyOnce(true);
 * </pre>
 */
public final class Race {
    private Race() {
    }

    /**
     * Runs {@code threads} tasks together; task {@code i} is {@code task.apply(i)}.
     *
     * @param threads how many tasks run at once, each on its own thread
     * @param task    makes the task for an index from 0 to {@code threads - 1} (called on the caller's thread)
     * @param <T>     what a task returns
     * @return each task's result, in task order
     * @throws AssertionError when a task throws or the race does not finish within 30 seconds
     */
    public static <T> List<T> run(int threads, IntFunction<Callable<T>> task) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch ready = new CountDownLatch(threads);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Callable<T> c = task.apply(i);
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return c.call();
                }));
            }
            if (!ready.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("race threads did not start");
            }
            go.countDown();
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                out.add(f.get(30, TimeUnit.SECONDS));
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } catch (ExecutionException e) {
            throw new AssertionError("a racing task failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("race did not finish", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
