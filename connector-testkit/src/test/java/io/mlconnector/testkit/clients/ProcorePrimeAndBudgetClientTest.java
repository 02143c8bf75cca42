package io.mlconnector.testkit.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.core.error.NotFoundException;
import io.mlconnector.core.model.AllocatedLine;
import io.mlconnector.core.model.ChangeOrder;
import io.mlconnector.core.model.ChangeOrderLine;
import io.mlconnector.core.model.ChangedRecord;
import io.mlconnector.core.model.CostCodeBudget;
import io.mlconnector.core.model.CostUpdate;
import io.mlconnector.core.model.CostUpdateKind;
import io.mlconnector.core.model.DirectCostDraft;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.Money;
import io.mlconnector.core.model.PostedObject;
import io.mlconnector.core.port.SourceStream;
import io.mlconnector.procore.ProcoreClient;
import io.mlconnector.procore.adapter.ProcoreProjectSystem;
import io.mlconnector.procore.model.ChangeOrderPackage;
import io.mlconnector.procore.resource.ListOptions;
import io.mlconnector.procore.webhook.HookScope;
import io.mlconnector.testkit.procore.CostCode;
import io.mlconnector.testkit.procore.PrimeChangeOrder;
import io.mlconnector.testkit.procore.PrimeContract;
import io.mlconnector.testkit.procore.ProcoreSandbox;
import io.mlconnector.testkit.procore.ProcoreSandboxExtension;
import io.mlconnector.testkit.procore.SovLine;
import io.mlconnector.testkit.time.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link ProcoreProjectSystem} over the real client and the sandbox for what the engine reads besides commitments:
 * prime contract change orders (polled, fetched with their REST v2 lines; a package on the prime contract is not a
 * commitment change order), the budget per cost code, budget codes whose cost code holds the pattern's other
 * delimiter, and the webhook resources of both scopes.
 */
class ProcorePrimeAndBudgetClientTest {

    private final MutableClock clock = MutableClock.at(Instant.parse("2026-03-16T15:00:00Z"));

    @RegisterExtension
    final ProcoreSandboxExtension ext = ProcoreSandboxExtension.with(ProcoreSandbox.builder().clock(clock));

    @RegisterExtension
    final ClientOperationsRecorder clientOperations = ClientOperationsRecorder.of(ext);

    private ProcoreSandbox pc;
    private ProcoreWorld world;
    private ProcoreClient client;
    private ProcoreProjectSystem procore;

    @BeforeEach
    void setUp() {
        pc = ext.sandbox();
        world = ProcoreWorld.seed(pc);
        client = ProcoreConnections.client(pc, clock, world.acme().id(), new ClockSleeper(clock));
        procore = ProcoreProjectSystem.builder(client).build();
    }

    private static Money usd(String v) {
        return Money.of(v, "USD");
    }

    private PrimeContract ownerContract() {
        return pc.seed().primeContract(world.tower().id(), "Owner contract",
                SovLine.of(world.concrete().id(), world.materials().id(), "Concrete", "400000.00"),
                SovLine.of(world.rebar().id(), world.labor().id(), "Steel", "100000.00"));
    }

    @Test
    void primeChangeOrders_arePolledAsTheirOwnStream_andFetchedWithTheirLinesByBudgetCode() {
        PrimeContract prime = ownerContract();
        Instant cursor = clock.instant();
        clock.advance(Duration.ofMinutes(5));
        PrimeChangeOrder approved = pc.seed().primeChangeOrder(world.tower().id(), prime.id(), "Owner adds a floor",
                "approved", SovLine.of(world.concrete().id(), world.materials().id(), "Floor slab", "12500.25"),
                SovLine.of(world.rebar().id(), world.labor().id(), "Floor steel", "3000.00"));
        PrimeChangeOrder voided = pc.seed().primeChangeOrder(world.tower().id(), prime.id(), "Withdrawn", "void",
                SovLine.of(world.concrete().id(), world.materials().id(), "Nothing", "100.00"));
        clock.advance(Duration.ofMinutes(1));

        List<ChangedRecord> changed = procore.listChanged(world.ref(), SourceStream.PRIME_CHANGE_ORDERS, cursor);

        assertThat(changed).extracting(ChangedRecord::ref).containsExactlyInAnyOrder(
                ExternalRef.of("procore", "prime_change_order", approved.id()),
                ExternalRef.of("procore", "prime_change_order", voided.id()));
        assertThat(procore.listChanged(world.ref(), SourceStream.PRIME_CHANGE_ORDERS, clock.instant().plusSeconds(600)))
                .isEmpty();

        ChangeOrder co = procore.fetchPrimeChangeOrder(world.ref(), Long.toString(approved.id()));

        assertThat(co.ref().key()).isEqualTo("procore:prime_change_order:" + approved.id());
        assertThat(co.contractId()).isEqualTo(Long.toString(prime.id()));
        assertThat(co.title()).isEqualTo("Owner adds a floor");
        assertThat(co.approved()).isTrue();
        assertThat(co.voided()).isFalse();
        assertThat(co.amount().sameValueAs(usd("15500.25"))).isTrue();
        // the REST v2 lines name only their budget code: cost code and cost type come from the project's WBS codes
        assertThat(co.lines()).extracting(ChangeOrderLine::costCode, ChangeOrderLine::costType,
                        ChangeOrderLine::description)
                .containsExactly(tuple("03-300", "M", "Floor slab"), tuple("05-100", "L", "Floor steel"));
        assertThat(co.lines()).extracting(l -> l.amount().amount()).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("12500.25"), new BigDecimal("3000.00"));

        ChangeOrder gone = procore.fetchPrimeChangeOrder(world.ref(), "prime_change_order:" + voided.id());
        assertThat(gone.voided()).isTrue();
        assertThat(gone.approved()).isFalse();
    }

    @Test
    void aChangeOrderPackageOnThePrimeContract_isNotFoundAsACommitmentChangeOrder_soTheCommitmentFlowWritesNothing() {
        PrimeContract prime = ownerContract();
        PrimeChangeOrder pco = pc.seed().primeChangeOrder(world.tower().id(), prime.id(), "Owner extra", "approved",
                SovLine.of(world.concrete().id(), world.materials().id(), "Extra", "700.00"));
        List<ChangeOrderPackage> packages = client.changeOrders().packages(world.ref(), ListOptions.defaults(), null)
                .toList();
        long primePackage = packages.stream().filter(p -> p.contractId() == prime.id()).findFirst().orElseThrow().id();
        io.mlconnector.testkit.procore.ChangeOrderPackage onCommitment = pc.seed().changeOrderPackage(
                world.tower().id(), world.commitment().id(), "Extra rebar", "approved",
                SovLine.of(world.rebar().id(), world.labor().id(), "Extra rebar", "500.00"));

        // a "Change Order Packages" webhook for the prime package goes to the commitment flow: nothing to write there
        assertThatThrownBy(() -> procore.fetchChangeOrder(world.ref(), Long.toString(primePackage)))
                .isInstanceOf(NotFoundException.class).hasMessageContaining("prime contract");
        // the prime change order stream reads it
        assertThat(procore.fetchPrimeChangeOrder(world.ref(), Long.toString(pco.id())).amount()
                .sameValueAs(usd("700.00"))).isTrue();
        // a package on a commitment still reads as one
        ChangeOrder co = procore.fetchChangeOrder(world.ref(), Long.toString(onCommitment.id()));
        assertThat(co.contractId()).isEqualTo(Long.toString(world.commitment().id()));
        assertThat(co.lines()).extracting(ChangeOrderLine::costCode, ChangeOrderLine::costType)
                .containsExactly(tuple("05-100", "L"));
    }

    @Test
    void costCodeBudgets_areTheOriginalBudgetPlusApprovedBudgetChanges_perBudgetCode() {
        pc.seed().budgetLine(world.tower().id(), world.concrete().id(), world.materials().id(), "100000.00");
        pc.seed().budgetLine(world.tower().id(), world.rebar().id(), world.labor().id(), "20000.00");
        pc.seed().budgetChange(world.tower().id(), "Move to concrete", "approved",
                SovLine.of(world.concrete().id(), world.materials().id(), "in", "250.50"),
                SovLine.of(world.rebar().id(), world.labor().id(), "out", "-250.50"));
        pc.seed().budgetChange(world.tower().id(), "Not yet", "draft",
                SovLine.of(world.concrete().id(), world.materials().id(), "maybe", "9999.00"));

        List<CostCodeBudget> budgets = procore.listCostCodeBudgets(world.ref());

        assertThat(budgets).extracting(CostCodeBudget::costCode, CostCodeBudget::costType)
                .containsExactlyInAnyOrder(tuple("03-300", "M"), tuple("05-100", "L"));
        CostCodeBudget concrete = budgets.stream().filter(b -> b.costCode().equals("03-300")).findFirst().orElseThrow();
        assertThat(concrete.original().sameValueAs(usd("100000.00"))).isTrue();
        assertThat(concrete.approvedChanges().sameValueAs(usd("250.50"))).isTrue();
        assertThat(concrete.revised().sameValueAs(usd("100250.50"))).isTrue();
        CostCodeBudget steel = budgets.stream().filter(b -> b.costCode().equals("05-100")).findFirst().orElseThrow();
        assertThat(steel.revised().sameValueAs(usd("19749.50"))).isTrue();
    }

    @Test
    void aCostCodeHoldingADot_underACompanyPatternDelimitedByADash_resolvesBothWays() {
        CostCode dotted = pc.seed().costCode(world.tower().id(), "09.200", "Drywall");
        pc.seed().wbsDelimiter(world.acme().id(), "-");

        PostedObject posted = procore.createDirectCost(world.ref(), new DirectCostDraft("fb:6BApk:bill:77",
                Long.toString(world.vendor().id()), "FB-77", LocalDate.of(2026, 3, 16), null,
                List.of(new AllocatedLine(1, "09.200", "M", null, "Boards", usd("310.40"))), usd("310.40"), "bill 77"));
        CostUpdate update = procore.fetchCostUpdate(world.ref(), CostUpdateKind.DIRECT_COST, posted.id());

        assertThat(pc.wbsCode(world.tower().id(), dotted.id(), world.materials().id()).flatCode())
                .isEqualTo("09.200-M");
        assertThat(update.lines()).extracting(ChangeOrderLine::costCode, ChangeOrderLine::costType)
                .containsExactly(tuple("09.200", "M"));
        assertThat(update.total().sameValueAs(usd("310.40"))).isTrue();
    }

    @Test
    void webhookResources_ofTheCompany_andOfAProject() {
        JsonNode company = client.webhooks().resources(HookScope.company(), "v2");
        JsonNode project = client.webhooks().resources(HookScope.project(world.ref()), null);

        List<String> companyNames = new ArrayList<>();
        company.forEach(r -> companyNames.add(r.path("name").asText()));
        assertThat(companyNames).contains("Change Order Packages", "Direct Costs", "Projects");
        assertThat(company.get(0).path("payload_version").asText()).isEqualTo("v2");
        assertThat(project.isArray()).isTrue();
        assertThat(project.size()).isEqualTo(company.size());
    }
}
