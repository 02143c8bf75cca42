package io.mlconnector.core.http;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Lazy pagination: a {@link Stream} that fetches page N+1 only when the consumer has used up page N.
 * A stream that is short-circuited ({@code limit}, {@code findFirst}) never requests the later pages.
 */
public final class Paginator {
    private Paginator() {
    }

    /**
     * Every item of every page, fetching page {@code n + 1} only when the stream reaches the end of page {@code n}.
     *
     * @param fetcher fetches the page with a number, from 1
     * @param <T> the item type
     * @return the items, lazily
     */
    public static <T> Stream<T> stream(IntFunction<Page<T>> fetcher) {
        return StreamSupport.stream(new PageSpliterator<>(fetcher), false);
    }

    private static final class PageSpliterator<T> extends Spliterators.AbstractSpliterator<T> {
        private final IntFunction<Page<T>> fetcher;
        private final Deque<T> buffer = new ArrayDeque<>();
        private int nextPage = 1;
        private boolean exhausted;

        PageSpliterator(IntFunction<Page<T>> fetcher) {
            super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
            this.fetcher = fetcher;
        }

        @Override
        public boolean tryAdvance(Consumer<? super T> action) {
            while (buffer.isEmpty()) {
                if (exhausted) {
                    return false;
                }
                Page<T> page = fetcher.apply(nextPage++);
                buffer.addAll(page.items());
                if (!page.hasNext() || page.items().isEmpty()) {
                    exhausted = true;
                }
            }
            action.accept(buffer.poll());
            return true;
        }
    }
}
