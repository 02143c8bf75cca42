package io.mlconnector.procore.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.procore.model.WbsPattern;
import io.mlconnector.procore.model.WbsSegment;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WbsSchemeTest {
    private static WbsScheme scheme(String delimiter) {
        return WbsScheme.of(new WbsPattern(1, List.of(
                new WbsSegment(3, "Cost Type", "line_item_type", 2, delimiter, true, 7, "flat"),
                new WbsSegment(1, "Sub Job", "sub_job", 0, delimiter, false, 0, "flat"),
                new WbsSegment(2, "Cost Code", "cost_code", 1, delimiter, true, 0, "tiered"))));
    }

    @Test
    void defaultPattern_readsCostCodeAndCostType_withOrWithoutSubJob() {
        assertThat(WbsScheme.DEFAULT.parse("03-300.M", Set.of())).isEqualTo(new BudgetCode("03-300", "M"));
        assertThat(WbsScheme.DEFAULT.parse("SJ1.03-300.M", Set.of())).isEqualTo(new BudgetCode("03-300", "M"));
        assertThat(WbsScheme.DEFAULT.parse("03-300", Set.of())).isEqualTo(new BudgetCode("03-300", null));
    }

    @Test
    void theCompanysDelimiterIsUsed_andSegmentsAreTakenInPositionOrder() {
        assertThat(scheme("|").parse("03.300|M", Set.of())).isEqualTo(new BudgetCode("03.300", "M"));
        assertThat(scheme("|").parse("SJ1|03.300|M", Set.of())).isEqualTo(new BudgetCode("03.300", "M"));
    }

    @Test
    void aDelimiterInsideACostCode_isResolvedWithTheProjectsKnownCostCodes() {
        assertThat(WbsScheme.DEFAULT.parse("03.300.M", Set.of("03.300"))).isEqualTo(new BudgetCode("03.300", "M"));
        assertThat(WbsScheme.DEFAULT.parse("SJ1.03.300.M", Set.of("03.300"))).isEqualTo(new BudgetCode("03.300", "M"));
    }

    @Test
    void aPatternWithoutACostCodeSegment_fallsBackToTheDefault() {
        assertThat(WbsScheme.of(new WbsPattern(1, List.of()))).isSameAs(WbsScheme.DEFAULT);
        assertThat(WbsScheme.of(null)).isSameAs(WbsScheme.DEFAULT);
    }
}
