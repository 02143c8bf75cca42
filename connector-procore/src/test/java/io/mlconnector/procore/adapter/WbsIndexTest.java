package io.mlconnector.procore.adapter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.procore.model.WbsCode;
import java.util.List;
import org.junit.jupiter.api.Test;

class WbsIndexTest {
    private static WbsCode code(long id, String flat) {
        return new WbsCode(id, flat, null, List.of(), null);
    }

    @Test
    void aCostCodeAndTypeInOneBudgetCode_resolvesToIt() {
        WbsIndex index = WbsIndex.of(List.of(code(11, "03-300.M"), code(12, "03-300.L")), () -> WbsScheme.DEFAULT);

        assertThat(index.idOf("03-300", "M")).hasValue(11L);
        assertThat(index.idOf("03-300", "L")).hasValue(12L);
        assertThat(index.idOf("09-900", "M")).isEmpty();
    }

    @Test
    void aCostCodeAndTypeInSeveralSubJobs_isRefused_neverPlacedOnTheFirstListed() {
        WbsIndex index = WbsIndex.of(List.of(code(21, "A.03-300.M"), code(22, "B.03-300.M")),
                () -> WbsScheme.DEFAULT);

        assertThatThrownBy(() -> index.idOf("03-300", "M")).isInstanceOf(UnresolvedReferenceException.class)
                .hasMessageContaining("several budget codes");
    }
}
