package io.mlconnector.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.error.ServerException;
import io.mlconnector.core.error.ApiError;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class PaginatorTest {
    private final List<Integer> requested = new ArrayList<>();

    private Page<String> page(int n, int pages, int size) {
        requested.add(n);
        List<String> items = new ArrayList<>();
        for (int i = 1; i <= size; i++) {
            items.add(n + "." + i);
        }
        return Page.of(items, n < pages);
    }

    @Test
    void nothingIsFetchedUntilTheStreamIsConsumed() {
        Stream<String> s = Paginator.stream(n -> page(n, 3, 2));

        assertThat(requested).isEmpty();
        assertThat(s.findFirst()).contains("1.1");
        assertThat(requested).containsExactly(1);
    }

    @Test
    void pagesAreFetchedInOrder_onlyAsFarAsConsumed() {
        assertThat(Paginator.stream(n -> page(n, 5, 3)).limit(7).toList())
                .containsExactly("1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "3.1");
        assertThat(requested).containsExactly(1, 2, 3);
    }

    @Test
    void stopsAtTheLastPage() {
        assertThat(Paginator.stream(n -> page(n, 3, 2)).count()).isEqualTo(6);
        assertThat(requested).containsExactly(1, 2, 3);
    }

    @Test
    void anEmptyPage_endsTheStream_evenIfItClaimsMore() {
        assertThat(Paginator.stream(n -> {
            requested.add(n);
            return n == 1 ? Page.of(List.of("a"), true) : Page.<String>of(List.of(), true);
        }).toList()).containsExactly("a");
        assertThat(requested).containsExactly(1, 2);
    }

    @Test
    void aFailingPage_propagatesAfterTheItemsAlreadyDelivered() {
        List<String> seen = new ArrayList<>();

        assertThatThrownBy(() -> Paginator.stream(n -> {
            if (n == 2) {
                throw new ServerException(ApiError.of(503, "down"));
            }
            return page(n, 3, 2);
        }).forEach(seen::add)).isInstanceOf(ServerException.class);
        assertThat(seen).containsExactly("1.1", "1.2");
    }
}
