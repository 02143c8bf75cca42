package io.mlconnector.testkit.ports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.error.NotFoundException;
import io.mlconnector.core.error.OutcomeUncertainException;
import io.mlconnector.core.error.RateLimitedException;
import io.mlconnector.core.error.ValidationException;
import io.mlconnector.core.model.AllocatedLine;
import io.mlconnector.core.model.BatchResult;
import io.mlconnector.core.model.ChangeOrder;
import io.mlconnector.core.model.ChangedRecord;
import io.mlconnector.core.model.Commitment;
import io.mlconnector.core.model.ContractPaymentDraft;
import io.mlconnector.core.model.CostCodeBudget;
import io.mlconnector.core.model.CostUpdate;
import io.mlconnector.core.model.CostUpdateKind;
import io.mlconnector.core.model.DirectCostDraft;
import io.mlconnector.core.model.Money;
import io.mlconnector.core.model.PostedObject;
import io.mlconnector.core.model.ProjectRef;
import io.mlconnector.core.model.RequisitionDraft;
import io.mlconnector.core.model.TargetKind;
import io.mlconnector.core.model.Vendor;
import io.mlconnector.core.port.EditNotAllowedException;
import io.mlconnector.core.port.InboundEvent;
import io.mlconnector.core.port.InvalidProjectException;
import io.mlconnector.core.port.SourceStream;
import io.mlconnector.core.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InMemoryProjectSystemTest {
    private static final long COMPANY = 4242;
    private final MutableClock clock = MutableClock.at("2024-05-10T09:00:00Z");
    private final InMemoryProjectSystem pc = new InMemoryProjectSystem(COMPANY, clock);
    private final ProjectRef tower = pc.addProject("Tower");
    private final Vendor acme = pc.addVendor("Acme Concrete", "fb-v-1");
    private final Commitment po = pc.commitment(tower, acme.ref().id()).number("PO-1")
            .line("03-300", "M", "Concrete", "10000.00").line("05-100", "L", "Steel", "5000.00").save();

    private RequisitionDraft req(String origin, String amount) {
        return new RequisitionDraft(origin, po.id(), "B-1", LocalDate.of(2024, 5, 3), LocalDate.of(2024, 5, 1),
                LocalDate.of(2024, 5, 31), List.of(new AllocatedLine(1, "03-300", "M", po.lines().get(0).id(), "pour",
                Money.of(amount, "USD"))), null, "bill B-1");
    }

    @Test
    void validateProject_acceptsOwnProject_andRejectsUnknownCompanyProjectAndForeignProject() {
        ProjectRef foreign = pc.addProject(9999, "Other co", null, null);

        pc.validateProject(tower);
        assertThatThrownBy(() -> pc.validateProject(new ProjectRef(1, tower.projectId())))
                .isInstanceOf(InvalidProjectException.class).hasMessageContaining("company 1");
        assertThatThrownBy(() -> pc.validateProject(new ProjectRef(COMPANY, 999_999)))
                .isInstanceOf(InvalidProjectException.class).hasMessageContaining("999999");
        assertThatThrownBy(() -> pc.validateProject(new ProjectRef(COMPANY, foreign.projectId())))
                .isInstanceOf(InvalidProjectException.class)
                .satisfies(e -> assertThat(((InvalidProjectException) e).project().projectId()).isEqualTo(foreign.projectId()));
        assertThat(pc.listProjects()).extracting(p -> p.ref().id()).containsExactly(Long.toString(tower.projectId()));
    }

    @Test
    void commitment_isFoundByVendorWithAssignedLineIds() {
        assertThat(pc.findCommitment(tower, acme.ref().id())).contains(po);
        assertThat(po.lines()).allSatisfy(l -> assertThat(l.id()).isNotNull());
        assertThat(pc.findCommitment(tower, "nobody")).isEmpty();
    }

    @Test
    void createdRequisition_isFoundByOrigin_andUpdatedInPlace() {
        PostedObject created = pc.createRequisition(tower, req("fb:1:bill:7", "1200.00"));

        assertThat(created.total()).isEqualTo(Money.of("1200.00", "USD"));
        assertThat(pc.findByOrigin(tower, TargetKind.REQUISITION, "fb:1:bill:7")).contains(created);
        assertThat(pc.findByOrigin(tower, TargetKind.DIRECT_COST, "fb:1:bill:7")).isEmpty();

        PostedObject updated = pc.updateRequisition(tower, created.id(), req("fb:1:bill:7", "1300.00"));
        assertThat(updated.id()).isEqualTo(created.id());
        assertThat(pc.posted(TargetKind.REQUISITION)).containsExactly(updated);
        assertThat(pc.requisitionDraft(created.id()).lines().get(0).amount()).isEqualTo(Money.of("1300.00", "USD"));
    }

    @Test
    void lockedRequisition_refusesUpdate_andKeepsOldDraft() {
        PostedObject created = pc.createRequisition(tower, req("o", "10.00"));
        pc.lock(TargetKind.REQUISITION, created.id());

        assertThatThrownBy(() -> pc.updateRequisition(tower, created.id(), req("o", "20.00")))
                .isInstanceOf(EditNotAllowedException.class);
        assertThat(pc.requisitionDraft(created.id()).lines().get(0).amount()).isEqualTo(Money.of("10.00", "USD"));
        assertThat(pc.findByOrigin(tower, TargetKind.REQUISITION, "o").orElseThrow().editable()).isFalse();
        pc.unlock(TargetKind.REQUISITION, created.id());
        assertThat(pc.updateRequisition(tower, created.id(), req("o", "20.00")).total()).isEqualTo(Money.of("20.00", "USD"));
    }

    @Test
    void requisition_onUnknownCommitmentOrLine_isRejected() {
        RequisitionDraft bad = new RequisitionDraft("o", "nope", "B", null, null, null,
                List.of(new AllocatedLine(1, "03-300", null, null, "x", Money.of("1", "USD"))), null, null);
        assertThatThrownBy(() -> pc.createRequisition(tower, bad)).isInstanceOf(ValidationException.class);
        RequisitionDraft badLine = new RequisitionDraft("o", po.id(), "B", null, null, null,
                List.of(new AllocatedLine(1, "03-300", null, "nope", "x", Money.of("1", "USD"))), null, null);
        assertThatThrownBy(() -> pc.createRequisition(tower, badLine)).isInstanceOf(ValidationException.class);
        assertThat(pc.posted(TargetKind.REQUISITION)).isEmpty();
    }

    @Test
    void outcomeUncertainAfterEffect_leavesTheObjectFindableByOrigin() {
        pc.failNextAfterEffect("createRequisition", 1, Faults.outcomeUncertain());

        assertThatThrownBy(() -> pc.createRequisition(tower, req("fb:1:bill:9", "5.00")))
                .isInstanceOf(OutcomeUncertainException.class);

        assertThat(pc.findByOrigin(tower, TargetKind.REQUISITION, "fb:1:bill:9")).isPresent();
        assertThat(pc.postedWithOrigin("fb:1:bill:9")).hasSize(1);
        assertThat(pc.calls("createRequisition")).isEqualTo(1);
        assertThat(pc.writes()).isEqualTo(1);
    }

    @Test
    void failNextRateLimited_createsNothing_andCarriesRetryAfter() {
        pc.failNext("createRequisition", 1, Faults.rateLimited(Duration.ofSeconds(7)));

        assertThatThrownBy(() -> pc.createRequisition(tower, req("o", "5.00")))
                .isInstanceOfSatisfying(RateLimitedException.class,
                        e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(7)));
        assertThat(pc.posted(TargetKind.REQUISITION)).isEmpty();
        pc.createRequisition(tower, req("o", "5.00"));
        assertThat(pc.postedWithOrigin("o")).hasSize(1);
    }

    @Test
    void invalidProject_failsBeforeAnyWrite() {
        ProjectRef unknown = new ProjectRef(COMPANY, 123_456);
        assertThatThrownBy(() -> pc.createRequisition(unknown, req("o", "1.00")))
                .isInstanceOf(InvalidProjectException.class);
        assertThat(pc.posted(TargetKind.REQUISITION)).isEmpty();
    }

    @Test
    void createdDirectCost_isListedAsOurEchoAndFetchable_andLockRefusesUpdate() {
        Instant since = clock.instant();
        DirectCostDraft draft = new DirectCostDraft("fb:1:bill:3", acme.ref().id(), "B-3", LocalDate.of(2024, 5, 2), null,
                List.of(new AllocatedLine(1, "03-300", "M", null, "pour", Money.of("40.00", "USD")),
                        new AllocatedLine(2, "05-100", "L", null, "steel", Money.of("2.50", "USD"))), null, "bill B-3");
        PostedObject dc = pc.createDirectCost(tower, draft);

        assertThat(dc.total()).isEqualTo(Money.of("42.50", "USD"));
        assertThat(pc.listChanged(tower, SourceStream.DIRECT_COSTS, since)).singleElement()
                .satisfies(c -> assertThat(c.ref().id()).isEqualTo(dc.id()));
        CostUpdate cu = pc.fetchCostUpdate(tower, CostUpdateKind.DIRECT_COST, dc.id());
        assertThat(cu.sourceApplicationId()).isEqualTo(pc.applicationId());
        assertThat(cu.originId()).isEqualTo("fb:1:bill:3");
        assertThat(cu.lines()).hasSize(2);

        pc.lock(TargetKind.DIRECT_COST, dc.id());
        assertThatThrownBy(() -> pc.updateDirectCost(tower, dc.id(), draft)).isInstanceOf(EditNotAllowedException.class);
        assertThatThrownBy(() -> pc.createDirectCost(tower, new DirectCostDraft("x", "no-vendor", "B", null, null,
                draft.lines(), null, null))).isInstanceOf(ValidationException.class);
    }

    @Test
    void contractPayment_mustPayAPostedDocumentOfTheProject() {
        PostedObject r = pc.createRequisition(tower, req("o", "10.00"));
        PostedObject pay = pc.createContractPayment(tower, new ContractPaymentDraft("fb:1:bill_payment:1", po.id(), r.id(),
                "B-1", Money.of("10.00", "USD"), LocalDate.of(2024, 5, 20), "Check"));
        assertThat(pc.findByOrigin(tower, TargetKind.CONTRACT_PAYMENT, "fb:1:bill_payment:1")).contains(pay);
        assertThatThrownBy(() -> pc.createContractPayment(tower, new ContractPaymentDraft("p2", po.id(), "nope", null,
                Money.of("1", "USD"), LocalDate.of(2024, 5, 20), null))).isInstanceOf(ValidationException.class);
    }

    @Test
    void changeOrders_areListedByUpdatedTime_revisedVoidedAndDeleted() {
        ChangeOrder co = pc.changeOrder(tower).number("CO-1").contract(po.id())
                .line("03-300", "M", "extra pour", "800.00").line("05-100", "L", "extra steel", "200.00").save();
        assertThat(co.amount()).isEqualTo(Money.of("1000.00", "USD"));
        assertThat(co.approved()).isTrue();
        assertThat(pc.fetchChangeOrder(tower, co.ref().id())).isEqualTo(co);

        clock.advance(Duration.ofHours(1));
        Instant since = clock.instant();
        assertThat(pc.listChanged(tower, SourceStream.CHANGE_ORDERS, since)).isEmpty();
        ChangeOrder voided = pc.voidChangeOrder(co.ref().id());
        assertThat(voided.voided()).isTrue();
        assertThat(voided.version()).isNotEqualTo(co.version());
        assertThat(pc.listChanged(tower, SourceStream.CHANGE_ORDERS, since)).singleElement()
                .satisfies(c -> assertThat(c.version()).isEqualTo(voided.version()));

        pc.deleteChangeOrder(co.ref().id());
        assertThat(pc.listChanged(tower, SourceStream.CHANGE_ORDERS, since)).singleElement()
                .satisfies(c -> assertThat(c.deleted()).isTrue());
        assertThatThrownBy(() -> pc.fetchChangeOrder(tower, co.ref().id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void changeOrderOfAnotherProject_isNotFound() {
        ProjectRef other = pc.addProject("Other");
        ChangeOrder co = pc.changeOrder(other).line("01-000", null, "x", "1.00").save();
        assertThatThrownBy(() -> pc.fetchChangeOrder(tower, co.ref().id())).isInstanceOf(NotFoundException.class);
        assertThat(pc.listChanged(tower, SourceStream.CHANGE_ORDERS, Instant.EPOCH)).isEmpty();
    }

    @Test
    void budgetChanges_areSeparateFromDirectCosts() {
        CostUpdate bc = pc.costUpdate(tower, CostUpdateKind.BUDGET_CHANGE).description("scope")
                .line("03-300", null, "more", "300.00").save();
        assertThat(pc.listChanged(tower, SourceStream.BUDGET_CHANGES, Instant.EPOCH)).hasSize(1);
        assertThat(pc.listChanged(tower, SourceStream.DIRECT_COSTS, Instant.EPOCH)).isEmpty();
        assertThat(pc.fetchCostUpdate(tower, CostUpdateKind.BUDGET_CHANGE, bc.ref().id()).total())
                .isEqualTo(Money.of("300.00", "USD"));
    }

    @Test
    void primeChangeOrders_areTheirOwnStream_voidedAndDeletedLikeChangeOrders() {
        ChangeOrder pco = pc.primeChangeOrder(tower).number("PCO-1").amount("2500.00").save();
        pc.changeOrder(tower).line("03-300", null, "x", "1.00").save();

        assertThat(pco.ref().type()).isEqualTo(InMemoryProjectSystem.TYPE_PRIME_CHANGE_ORDER);
        assertThat(pc.listChanged(tower, SourceStream.PRIME_CHANGE_ORDERS, Instant.EPOCH))
                .extracting(ChangedRecord::ref).containsExactly(pco.ref());
        assertThatThrownBy(() -> pc.fetchChangeOrder(tower, pco.ref().id())).isInstanceOf(NotFoundException.class);
        assertThat(pc.fetchPrimeChangeOrder(tower, pco.ref().id()).amount()).isEqualTo(Money.of("2500.00", "USD"));

        ChangeOrder voided = pc.voidPrimeChangeOrder(pco.ref().id());
        assertThat(voided.voided()).isTrue();
        assertThat(voided.version()).isNotEqualTo(pco.version());
        pc.deletePrimeChangeOrder(pco.ref().id());
        assertThatThrownBy(() -> pc.fetchPrimeChangeOrder(tower, pco.ref().id())).isInstanceOf(NotFoundException.class);
        assertThat(pc.listChanged(tower, SourceStream.PRIME_CHANGE_ORDERS, Instant.EPOCH)).singleElement()
                .satisfies(r -> assertThat(r.deleted()).isTrue());
    }

    @Test
    void costCodeBudgets_arePerProjectAndReplacedPerCostCodeAndType() {
        ProjectRef other = pc.addProject("Other");
        pc.putCostCodeBudget(tower, new CostCodeBudget("03-300", "M", Money.of("100", "USD"), Money.of("0", "USD"),
                Money.of("100", "USD")));
        pc.putCostCodeBudget(tower, new CostCodeBudget("03-300", "M", Money.of("100", "USD"), Money.of("50", "USD"),
                Money.of("150", "USD")));
        pc.putCostCodeBudget(tower, new CostCodeBudget("03-300", "L", Money.of("10", "USD"), Money.of("0", "USD"),
                Money.of("10", "USD")));

        assertThat(pc.listCostCodeBudgets(tower)).extracting(b -> b.costType() + "=" + b.revised().amount())
                .containsExactly("M=150", "L=10");
        assertThat(pc.listCostCodeBudgets(other)).isEmpty();
        assertThat(pc.calls("listCostCodeBudgets")).isEqualTo(2);
    }

    @Test
    void seededDirectCostWithOrigin_isFoundByOrigin() {
        CostUpdate dc = pc.costUpdate(tower, CostUpdateKind.DIRECT_COST).originId("fb:1:bill:44")
                .line("03-300", "M", "x", "12.00").save();
        assertThat(pc.findByOrigin(tower, TargetKind.DIRECT_COST, "fb:1:bill:44")).get()
                .satisfies(p -> assertThat(p.id()).isEqualTo(dc.ref().id()));
    }

    @Test
    void upsertVendors_matchesByOriginId_createsOthers_andReportsFailuresPerItem() {
        pc.rejectVendorUpserts(v -> v.name().startsWith("Bad"), "name is not allowed");
        BatchResult<Vendor> result = pc.upsertVendors(List.of(
                new Vendor(null, "Acme Concrete Inc", "fb-v-1", null, true, null),
                new Vendor(null, "New Co", "fb-v-2", null, true, null),
                new Vendor(null, "Bad Co", "fb-v-3", null, true, null),
                new Vendor(null, "No Origin", null, null, true, null)));

        assertThat(result.succeeded()).extracting(Vendor::name).containsExactly("Acme Concrete Inc", "New Co");
        assertThat(result.succeeded().get(0).ref()).isEqualTo(acme.ref());
        assertThat(result.failed()).extracting(BatchResult.Failure::reason)
                .containsExactly("name is not allowed", "origin_id is required");
        assertThat(pc.vendors()).hasSize(2);
        assertThat(pc.findByOrigin(null, TargetKind.VENDOR, "fb-v-2")).isPresent();
    }

    @Test
    void upsertVendors_refusesBatchesOver1000() {
        List<Vendor> many = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            many.add(new Vendor(null, "V" + i, "o" + i, null, true, null));
        }
        assertThatThrownBy(() -> pc.upsertVendors(many)).isInstanceOf(ValidationException.class);
        assertThat(pc.vendors()).hasSize(1);
    }

    @Test
    void vendorsAndCostCodesAndProjects_reportChanges() {
        Instant since = clock.instant();
        clock.advance(Duration.ofSeconds(1));
        var cc = pc.addCostCode(tower, "03-300", "Concrete");
        pc.renameVendor(acme.ref().id(), "Acme Concrete Co");
        pc.updateProject(tower, "Tower A", true);
        assertThat(pc.listCostCodes(tower)).containsExactly(cc);
        assertThat(pc.listChanged(null, SourceStream.VENDORS, since)).hasSize(1);
        assertThat(pc.listChanged(null, SourceStream.PROJECTS, since)).hasSize(1);
        assertThat(pc.listProjects()).extracting(p -> p.name()).containsExactly("Tower A");
    }

    @Test
    void undeliveredEvents_filterBySince() {
        InboundEvent e = new InboundEvent("4242", null, "update", "ulid-1", "1", false, Map.of());
        pc.addUndeliveredEvent(e, Instant.parse("2024-05-09T00:00:00Z"));
        assertThat(pc.undeliveredEvents(Instant.parse("2024-05-08T00:00:00Z"))).containsExactly(e);
        assertThat(pc.undeliveredEvents(Instant.parse("2024-05-09T00:00:01Z"))).isEmpty();
    }

    @Test
    void counters_separateReadsFromWrites() {
        pc.findByOrigin(tower, TargetKind.REQUISITION, "x");
        pc.createRequisition(tower, req("x", "1.00"));
        pc.listVendors();
        assertThat(pc.reads()).isEqualTo(2);
        assertThat(pc.writes()).isEqualTo(1);
        assertThatThrownBy(() -> pc.failNext("createRequisitions", 1, Faults.serverError()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
