package io.mlconnector.testkit.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import io.mlconnector.core.model.AllocatedLine;
import io.mlconnector.core.model.BatchResult;
import io.mlconnector.core.model.ChangeOrder;
import io.mlconnector.core.model.ChangeOrderLine;
import io.mlconnector.core.model.ChangedRecord;
import io.mlconnector.core.model.Commitment;
import io.mlconnector.core.model.CommitmentLine;
import io.mlconnector.core.model.DirectCostDraft;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.Money;
import io.mlconnector.core.model.PostedObject;
import io.mlconnector.core.model.RequisitionDraft;
import io.mlconnector.core.model.TargetKind;
import io.mlconnector.core.model.Vendor;
import io.mlconnector.core.port.SourceStream;
import io.mlconnector.procore.ProcoreClient;
import io.mlconnector.procore.adapter.ProcoreProjectSystem;
import io.mlconnector.testkit.procore.ChangeOrderPackage;
import io.mlconnector.testkit.procore.DirectCost;
import io.mlconnector.testkit.procore.ProcoreSandbox;
import io.mlconnector.testkit.procore.ProcoreSandboxExtension;
import io.mlconnector.testkit.procore.Requisition;
import io.mlconnector.testkit.procore.SovLine;
import io.mlconnector.testkit.time.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link ProcoreProjectSystem}, the core project port, over the real client and the sandbox: a requisition posted on a
 * seeded approved commitment, a direct cost by cost code and cost type, both found again by origin id, vendor sync
 * with a per-item failure, and a change order package read into a neutral {@link ChangeOrder}.
 */
class ProcoreAdapterClientTest {
    private static final String BILL_ORIGIN = "fb:6BApk:bill:1001";

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

    private RequisitionDraft billAsRequisition(String origin, String invoiceNumber) {
        return new RequisitionDraft(origin, Long.toString(world.commitment().id()), invoiceNumber,
                LocalDate.of(2026, 3, 15), null, null,
                List.of(new AllocatedLine(1, "03-300", "M", null, "Pour slab", usd("1250.00")),
                        new AllocatedLine(2, "05-100", "L", null, "Rebar #5", usd("99.99"))),
                usd("1349.99"), "FreshBooks bill " + invoiceNumber);
    }

    @Test
    void findCommitment_readsTheSeededSubcontractByVendor() {
        Commitment c = procore.findCommitment(world.ref(), Long.toString(world.vendor().id())).orElseThrow();

        assertThat(c.id()).isEqualTo(Long.toString(world.commitment().id()));
        assertThat(c.requisitionsEnabled()).isTrue();
        assertThat(c.currency()).isEqualTo("USD");
        assertThat(c.lines()).extracting(CommitmentLine::costCode, CommitmentLine::costType)
                .containsExactly(tuple("03-300", "M"), tuple("05-100", "L"));
        assertThat(c.lines().get(0).scheduledValue().sameValueAs(usd("50000"))).isTrue();
        assertThat(procore.findCommitment(world.ref(), "999999")).isEmpty();
    }

    @Test
    void createRequisition_onTheApprovedCommitment_postsItemsPerSovLine_andFindByOriginFindsIt() {
        PostedObject posted = procore.createRequisition(world.ref(), billAsRequisition(BILL_ORIGIN, "RB-1001"));

        assertThat(posted.kind()).isEqualTo(TargetKind.REQUISITION);
        assertThat(posted.project()).isEqualTo(world.ref());
        assertThat(posted.originId()).isEqualTo(BILL_ORIGIN);
        assertThat(posted.total().sameValueAs(usd("1349.99"))).isTrue();
        assertThat(posted.editable()).isTrue();

        List<Requisition> stored = pc.requisitions(world.tower().id());
        assertThat(stored).hasSize(1);
        Requisition r = stored.get(0);
        assertThat(r.id()).isEqualTo(Long.parseLong(posted.id()));
        assertThat(r.commitmentId()).isEqualTo(world.commitment().id());
        assertThat(r.periodId()).isEqualTo(world.march().id());
        assertThat(r.invoiceNumber()).isEqualTo("RB-1001");
        assertThat(r.originId()).isEqualTo(BILL_ORIGIN);
        assertThat(r.totalClaimed()).isEqualByComparingTo("1349.99");
        List<JsonNode> items = pc.requisitionItems(r.id());
        assertThat(items).extracting(i -> i.path("line_item_id").asLong(),
                        i -> new BigDecimal(i.path("work_completed_this_period").asText()).toPlainString())
                .containsExactlyInAnyOrder(
                        tuple(world.commitment().lines().get(0).id(), "1250.00"),
                        tuple(world.commitment().lines().get(1).id(), "99.99"));

        assertThat(procore.findByOrigin(world.ref(), TargetKind.REQUISITION, BILL_ORIGIN))
                .hasValueSatisfying(found -> {
                    assertThat(found.id()).isEqualTo(posted.id());
                    assertThat(found.originId()).isEqualTo(BILL_ORIGIN);
                });
        assertThat(procore.findByOrigin(world.ref(), TargetKind.REQUISITION, "fb:6BApk:bill:1")).isEmpty();
    }

    @Test
    void createDirectCost_byCostCodeAndType_andFindByOriginFindsIt() {
        String origin = "fb:6BApk:bill:4411";
        DirectCostDraft draft = new DirectCostDraft(origin, Long.toString(world.vendor().id()), "FB-BILL-4411",
                LocalDate.of(2026, 3, 16), null,
                List.of(new AllocatedLine(1, "03-300", "M", null, "Site fuel", usd("412.50")),
                        new AllocatedLine(2, "05-100", "L", null, "Crane hour", usd("87.49"))),
                usd("499.99"), "FreshBooks bill 4411");

        PostedObject posted = procore.createDirectCost(world.ref(), draft);

        assertThat(posted.kind()).isEqualTo(TargetKind.DIRECT_COST);
        assertThat(posted.originId()).isEqualTo(origin);
        assertThat(posted.total().sameValueAs(usd("499.99"))).isTrue();
        DirectCost stored = pc.directCosts(world.tower().id()).get(0);
        assertThat(stored.id()).isEqualTo(Long.parseLong(posted.id()));
        assertThat(stored.type()).isEqualTo("invoice");
        assertThat(stored.status()).isEqualTo("approved");
        assertThat(stored.vendorId()).isEqualTo(world.vendor().id());
        assertThat(stored.invoiceNumber()).isEqualTo("FB-BILL-4411");
        assertThat(stored.grandTotal()).isEqualByComparingTo("499.99");
        assertThat(stored.json().path("line_items")).extracting(l -> l.path("origin_id").asText())
                .containsExactly(origin + "#1", origin + "#2");

        assertThat(procore.findByOrigin(world.ref(), TargetKind.DIRECT_COST, origin)).map(PostedObject::id)
                .contains(posted.id());
        assertThat(procore.findByOrigin(world.ref(), TargetKind.DIRECT_COST, "fb:6BApk:bill:1")).isEmpty();
        assertThat(procore.listChanged(world.ref(), SourceStream.DIRECT_COSTS, clock.instant().minusSeconds(5)))
                .extracting(ChangedRecord::ref).containsExactly(ExternalRef.of("procore", "direct_cost", posted.id()));
    }

    @Test
    void updateDirectCost_changesTheHeaderAndItsLinesByTheirOriginIds() {
        String origin = "fb:6BApk:bill:4411";
        PostedObject posted = procore.createDirectCost(world.ref(), new DirectCostDraft(origin,
                Long.toString(world.vendor().id()), "FB-BILL-4411", LocalDate.of(2026, 3, 16), null,
                List.of(new AllocatedLine(1, "03-300", "M", null, "Site fuel", usd("412.50")),
                        new AllocatedLine(2, "05-100", "L", null, "Crane hour", usd("87.49"))),
                usd("499.99"), "FreshBooks bill 4411"));
        clock.advance(Duration.ofMinutes(5));

        PostedObject updated = procore.updateDirectCost(world.ref(), posted.id(), new DirectCostDraft(origin,
                Long.toString(world.vendor().id()), "FB-BILL-4411-A", LocalDate.of(2026, 3, 17), null,
                List.of(new AllocatedLine(1, "03-300", "M", null, "Site fuel", usd("450.00")),
                        new AllocatedLine(2, "05-100", "L", null, "Crane hour", usd("87.49"))),
                usd("537.49"), "FreshBooks bill 4411 (edited)"));

        assertThat(updated.id()).isEqualTo(posted.id());
        DirectCost stored = pc.directCosts(world.tower().id()).get(0);
        assertThat(stored.invoiceNumber()).isEqualTo("FB-BILL-4411-A");
        assertThat(stored.grandTotal()).isEqualByComparingTo("537.49");
        assertThat(stored.json().path("line_items")).extracting(l -> l.path("origin_id").asText(),
                        l -> new BigDecimal(l.path("amount").asText()).toPlainString())
                .containsExactly(tuple(origin + "#1", "450.00"), tuple(origin + "#2", "87.49"));
        assertThat(pc.requestLog().count("PATCH", "/rest/v1.0/projects/{projectId}/direct_costs/line_items/sync"))
                .isEqualTo(1);
    }

    @Test
    void upsertVendors_createsAndUpdatesByOriginId_andReportsAPerItemFailure() {
        Vendor fresh = new Vendor(null, "Acme Plumbing", "fb:6BApk:vendor:7", "V-0007", true, null);
        Vendor renamed = new Vendor(null, "Rebar Incorporated", "fb:6BApk:vendor:88213", null, true, null);
        Vendor ghost = new Vendor(ExternalRef.of("procore", "vendor", 424242), "Ghost", null, null, true, null);

        BatchResult<Vendor> result = procore.upsertVendors(List.of(fresh, renamed, ghost));

        assertThat(result.succeeded()).extracting(Vendor::name, Vendor::externalId)
                .containsExactlyInAnyOrder(tuple("Acme Plumbing", "fb:6BApk:vendor:7"),
                        tuple("Rebar Incorporated", "fb:6BApk:vendor:88213"));
        assertThat(result.failed()).hasSize(1);
        assertThat(result.failed().get(0).item()).isEqualTo(ghost);
        assertThat(result.failed().get(0).reason()).contains("not found");
        assertThat(pc.vendors(world.acme().id())).extracting(v -> v.name(), v -> v.originId())
                .containsExactlyInAnyOrder(tuple("Rebar Incorporated", "fb:6BApk:vendor:88213"),
                        tuple("Acme Plumbing", "fb:6BApk:vendor:7"));
        assertThat(procore.findByOrigin(world.ref(), TargetKind.VENDOR, "fb:6BApk:vendor:7")).isPresent();
        assertThat(procore.listVendors()).extracting(Vendor::name)
                .containsExactlyInAnyOrder("Rebar Incorporated", "Acme Plumbing");
    }

    @Test
    void fetchChangeOrder_readsAnApprovedPackageWithItsLines() {
        ChangeOrderPackage pkg = pc.seed().changeOrderPackage(world.tower().id(), world.commitment().id(),
                "Extra rebar at grid C", "pending",
                SovLine.of(world.rebar().id(), world.labor().id(), "Extra rebar", "5000.00"),
                SovLine.of(world.concrete().id(), world.materials().id(), "Thicker slab", "1200.50"));
        clock.advance(Duration.ofHours(1));
        pc.approveChangeOrder(pkg.id());

        ChangeOrder co = procore.fetchChangeOrder(world.ref(), Long.toString(pkg.id()));

        assertThat(co.ref()).isEqualTo(ExternalRef.of("procore", "change_order_package", pkg.id()));
        assertThat(co.project()).isEqualTo(world.ref());
        assertThat(co.contractId()).isEqualTo(Long.toString(world.commitment().id()));
        assertThat(co.title()).isEqualTo("Extra rebar at grid C");
        assertThat(co.approved()).isTrue();
        assertThat(co.voided()).isFalse();
        assertThat(co.amount().sameValueAs(usd("6200.50"))).isTrue();
        assertThat(co.date()).isEqualTo(LocalDate.of(2026, 3, 16));
        assertThat(co.lines()).extracting(ChangeOrderLine::costCode, ChangeOrderLine::costType,
                        ChangeOrderLine::description)
                .containsExactly(tuple("05-100", "L", "Extra rebar"), tuple("03-300", "M", "Thicker slab"));
        assertThat(co.lines()).extracting(l -> l.amount().amount())
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("5000.00"), new BigDecimal("1200.50"));
        assertThat(procore.listChanged(world.ref(), SourceStream.CHANGE_ORDERS, clock.instant().minusSeconds(60)))
                .extracting(ChangedRecord::ref).containsExactly(co.ref());
    }

    @Test
    void fetchChangeOrder_withMoreLinesThanOneRestV2Page_readsEveryLine() {
        SovLine[] lines = new SovLine[12];
        for (int i = 0; i < lines.length; i++) {
            lines[i] = SovLine.of(world.concrete().id(), world.materials().id(), "Item " + (i + 1), "100.01");
        }
        ChangeOrderPackage pkg = pc.seed().changeOrderPackage(world.tower().id(), world.commitment().id(),
                "Twelve small extras", "approved", lines);

        ChangeOrder co = procore.fetchChangeOrder(world.ref(), Long.toString(pkg.id()));

        // REST v2 pages hold 10 rows unless per_page says otherwise: all 12 lines must still arrive
        assertThat(co.lines()).hasSize(12);
        assertThat(co.lines().stream().map(l -> l.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(co.amount().amount()).isEqualByComparingTo("1200.12");
    }

    @Test
    void updateRequisition_changesItsItems_andAContractPaymentPaysIt() {
        PostedObject posted = procore.createRequisition(world.ref(), billAsRequisition(BILL_ORIGIN, "RB-1001"));
        RequisitionDraft revised = new RequisitionDraft(BILL_ORIGIN, Long.toString(world.commitment().id()), "RB-1001",
                LocalDate.of(2026, 3, 15), null, null,
                List.of(new AllocatedLine(1, "03-300", "M", null, "Pour slab", usd("1300.00")),
                        new AllocatedLine(2, "05-100", "L", null, "Rebar #5", usd("99.99"))),
                usd("1399.99"), "FreshBooks bill RB-1001 (edited)");

        PostedObject updated = procore.updateRequisition(world.ref(), posted.id(), revised);

        assertThat(updated.id()).isEqualTo(posted.id());
        assertThat(pc.requisitions(world.tower().id()).get(0).totalClaimed()).isEqualByComparingTo("1399.99");

        PostedObject payment = procore.createContractPayment(world.ref(), new io.mlconnector.core.model.ContractPaymentDraft(
                "fb:6BApk:bill_payment:55", Long.toString(world.commitment().id()), posted.id(), "RB-1001",
                usd("1399.99"), LocalDate.of(2026, 3, 20), "Check"));
        assertThat(payment.kind()).isEqualTo(TargetKind.CONTRACT_PAYMENT);
        var stored = pc.contractPayments(world.tower().id());
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).requisitionId()).isEqualTo(Long.parseLong(posted.id()));
        assertThat(stored.get(0).amount()).isEqualByComparingTo("1399.99");
        assertThat(procore.findByOrigin(world.ref(), TargetKind.CONTRACT_PAYMENT, "fb:6BApk:bill_payment:55"))
                .map(PostedObject::id).contains(payment.id());
    }

    @Test
    void createPaymentApplication_onThePrimeContract_andFindByOrigin() {
        pc.seed().primeContract(world.tower().id(), "Owner contract",
                SovLine.of(world.concrete().id(), world.materials().id(), "Concrete", "400000.00"),
                SovLine.of(world.rebar().id(), world.labor().id(), "Steel", "100000.00"));
        String origin = "fb:6BApk:invoice:77";
        PostedObject posted = procore.createPaymentApplication(world.ref(),
                new io.mlconnector.core.model.PaymentApplicationDraft(origin, "INV-77", LocalDate.of(2026, 3, 31),
                        LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31),
                        List.of(new AllocatedLine(1, "03-300", null, null, "Concrete progress", usd("40000.00"))),
                        usd("40000.00"), "FreshBooks invoice INV-77"));

        assertThat(posted.kind()).isEqualTo(TargetKind.PAYMENT_APPLICATION);
        assertThat(pc.paymentApplications(world.tower().id())).hasSize(1);
        assertThat(procore.findByOrigin(world.ref(), TargetKind.PAYMENT_APPLICATION, origin)).map(PostedObject::id)
                .contains(posted.id());
    }

    @Test
    void fetchCostUpdate_readsADirectCostEnteredInProcore() {
        PostedObject posted = procore.createDirectCost(world.ref(), new DirectCostDraft("fb:6BApk:bill:9",
                Long.toString(world.vendor().id()), "FB-9", LocalDate.of(2026, 3, 16), null,
                List.of(new AllocatedLine(1, "05-100", "L", null, "Crane", usd("640.00"))), usd("640.00"), "bill 9"));

        var update = procore.fetchCostUpdate(world.ref(), io.mlconnector.core.model.CostUpdateKind.DIRECT_COST,
                posted.id());

        assertThat(update.ref()).isEqualTo(ExternalRef.of("procore", "direct_cost", posted.id()));
        assertThat(update.total().sameValueAs(usd("640.00"))).isTrue();
        assertThat(update.lines()).extracting(ChangeOrderLine::costCode, ChangeOrderLine::costType)
                .containsExactly(tuple("05-100", "L"));
        assertThat(update.originId()).isEqualTo("fb:6BApk:bill:9");
    }

    @Test
    void listChanged_vendorsAndProjects_withinTheWindow() {
        Instant cursor = clock.instant();
        clock.advance(Duration.ofMinutes(10));
        pc.updateVendor(world.vendor().id(), java.util.Map.of("name", "Rebar Incorporated"));
        pc.updateProject(world.tower().id(), java.util.Map.of("name", "Tower A (phase 1)"));
        clock.advance(Duration.ofMinutes(1));

        assertThat(procore.listChanged(world.ref(), SourceStream.VENDORS, cursor)).extracting(ChangedRecord::ref)
                .containsExactly(ExternalRef.of("procore", "vendor", world.vendor().id()));
        assertThat(procore.listChanged(world.ref(), SourceStream.PROJECTS, cursor)).extracting(ChangedRecord::ref)
                .containsExactly(ExternalRef.of("procore", "project", world.tower().id()));
        assertThat(procore.listChanged(world.ref(), SourceStream.VENDORS, clock.instant().plusSeconds(600))).isEmpty();
    }

    @Test
    void referenceLists_projectsAndCostCodes() {
        assertThat(procore.listProjects()).extracting(p -> p.ref())
                .containsExactly(ExternalRef.of("procore", "project", world.tower().id()));
        assertThat(procore.listCostCodes(world.ref())).extracting(c -> c.code()).contains("03-300", "05-100");
    }
}
