package io.mlconnector.core.sync.alignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.mlconnector.core.audit.AuditEvent;
import io.mlconnector.core.audit.AuditOutcome;
import io.mlconnector.core.audit.InMemoryAuditLog;
import io.mlconnector.core.mapping.InMemoryMappingStore;
import io.mlconnector.core.mapping.Mapping;
import io.mlconnector.core.mapping.MappingKind;
import io.mlconnector.core.mapping.MappingStatus;
import io.mlconnector.core.model.CostCode;
import io.mlconnector.core.model.GlAccount;
import io.mlconnector.core.model.Project;
import io.mlconnector.core.model.ProjectRef;
import io.mlconnector.core.model.Vendor;
import io.mlconnector.testkit.ports.Faults;
import io.mlconnector.testkit.ports.InMemoryAccountingSystem;
import io.mlconnector.testkit.ports.InMemoryProjectSystem;
import io.mlconnector.core.testing.MutableClock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReferenceDataAlignmentTest {
    private static final String CONN = "conn-1";
    private final MutableClock clock = MutableClock.at("2024-06-01T08:00:00Z");
    private final InMemoryAccountingSystem fb = new InMemoryAccountingSystem("acct-1", clock);
    private final InMemoryProjectSystem pc = new InMemoryProjectSystem(77, clock);
    private final InMemoryMappingStore mappings = new InMemoryMappingStore();
    private final InMemoryAuditLog audit = new InMemoryAuditLog();

    // accounting vendors
    private Vendor fbAcme;
    private Vendor fbBaker;
    private Vendor fbCarter;
    private Vendor fbDelta;
    private Vendor fbEcho1;
    private Vendor fbEcho2;
    // project-side vendors
    private Vendor pcAcme;
    private Vendor pcBaker;
    private Vendor pcCarter;
    private Vendor pcEcho;
    private Vendor pcFoxtrot;
    private Vendor pcGamma;
    private Vendor pcOld;
    // projects
    private Project fbTower;
    private Project fbHarbor;
    private ProjectRef tower;
    private ProjectRef harbor;
    // GL accounts
    private GlAccount glConcrete;
    private GlAccount glSteel;
    private GlAccount glDrywall;
    private GlAccount glOffice;
    private GlAccount glElectrical;
    private GlAccount glEarthwork;

    @BeforeEach
    void seed() {
        fbAcme = fb.addVendor("Acme Concrete LLC");
        fbBaker = fb.addVendor("Baker Electric");
        fbCarter = fb.addVendor("Carter Plumbing, Inc.");
        fbDelta = fb.addVendor("Delta Drywall");
        fbEcho1 = fb.addVendor("Echo Roofing Co");
        fbEcho2 = fb.addVendor("Echo Roofing LLC");
        Vendor archived = fb.addVendor("Archived Vendor");
        fb.deactivateVendor(archived.ref().id());

        pcAcme = pc.addVendor("Acme Concrete Inc", fbAcme.ref().id());
        pcBaker = pc.addVendor("Baker Elec. Services", null);
        pcCarter = pc.addVendor("carter plumbing", null);
        pcEcho = pc.addVendor("Echo Roofing", null);
        pcFoxtrot = pc.addVendor("Foxtrot Steel", null);
        pcGamma = pc.addVendor("Gamma Glass", "999999");
        pcOld = pc.deactivateVendor(pc.addVendor("Old Vendor", null).ref().id());
        mappings.put(Mapping.confirmed(CONN, MappingKind.VENDOR, fbBaker.ref().id(), pcBaker.ref().id()));

        fbTower = fb.addProject("Tower One", "c1", null);
        fbHarbor = fb.addProject("Harbor Bridge", "c2", null);
        fb.addProject("Riverside Clinic", "c3", null);
        tower = pc.addProject(77, "Tower One", "T-1", fbTower.ref().id());
        harbor = pc.addProject("HARBOR BRIDGE");
        pc.addProject("Warehouse 9");

        glConcrete = fb.addGlAccount("Concrete", "03-300");
        glSteel = fb.addGlAccount("Structural Steel", null);
        glDrywall = fb.addGlAccount("Drywall", null);
        glOffice = fb.addGlAccount("Office Supplies", null);
        glElectrical = fb.addGlAccount("Electrical", null);
        glEarthwork = fb.addGlAccount("Earthwork", null);
        pc.addCostCode(tower, "03-300", "Cast-in-Place Concrete");
        pc.addCostCode(tower, "05-100", "Structural Steel");
        pc.addCostCode(tower, "09-200", "Plaster and Gypsum Board", glDrywall.ref().id());
        pc.addCostCode(tower, "26-000", "Electrical Systems");
        pc.addCostCode(harbor, "31-000", "Earthwork");
        mappings.put(Mapping.confirmed(CONN, MappingKind.GL_ACCOUNT, glElectrical.ref().id(), "26-000"));
    }

    private ReferenceDataAlignment alignment(AlignmentPolicy policy) {
        return ReferenceDataAlignment.builder().connectionId(CONN).accountingSystem(fb).projectSystem(pc)
                .mappingStore(mappings).auditSink(audit).clock(clock).policy(policy).build();
    }

    private static int[] counts(KindAlignment k) {
        return new int[] {k.matched().size(), k.suggested().size(), k.created().size(), k.unmatched().size()};
    }

    private List<AuditEvent> mappingEvents() {
        return audit.all().stream().filter(e -> e.outcome() == AuditOutcome.MAPPING_CHANGED).toList();
    }

    @Test
    void align_defaultPolicy_reportsExactBuckets_andWritesOnlyMappings() {
        AlignmentReport report = alignment(AlignmentPolicy.defaults()).align();

        assertThat(counts(report.vendors())).containsExactly(2, 1, 0, 7);
        assertThat(report.vendors().matched()).extracting(AlignmentItem::accountingId, AlignmentItem::projectSystemId,
                AlignmentItem::basis).containsExactlyInAnyOrder(
                tuple(fbBaker.ref().id(), pcBaker.ref().id(), MatchBasis.MAPPING_TABLE),
                tuple(fbAcme.ref().id(), pcAcme.ref().id(), MatchBasis.ORIGIN_ID));
        assertThat(report.vendors().suggested()).singleElement().satisfies(i -> {
            assertThat(i.accountingName()).isEqualTo("Carter Plumbing, Inc.");
            assertThat(i.projectSystemName()).isEqualTo("carter plumbing");
            assertThat(i.basis()).isEqualTo(MatchBasis.NAME);
        });
        assertThat(report.vendors().unmatched()).extracting(AlignmentItem::accountingId, AlignmentItem::projectSystemId)
                .containsExactlyInAnyOrder(
                        tuple(fbDelta.ref().id(), null), tuple(fbEcho1.ref().id(), null), tuple(fbEcho2.ref().id(), null),
                        tuple(null, pcEcho.ref().id()), tuple(null, pcFoxtrot.ref().id()),
                        tuple(null, pcGamma.ref().id()), tuple(null, pcOld.ref().id()));
        assertThat(report.vendors().unmatched()).filteredOn(i -> pcGamma.ref().id().equals(i.projectSystemId()))
                .singleElement().satisfies(i -> assertThat(i.note()).contains("999999"));
        assertThat(report.vendors().unmatched()).filteredOn(i -> fbEcho1.ref().id().equals(i.accountingId()))
                .singleElement().satisfies(i -> assertThat(i.note()).contains("ambiguous"));

        assertThat(counts(report.projects())).containsExactly(1, 1, 0, 2);
        assertThat(report.projects().matched()).singleElement()
                .satisfies(i -> assertThat(i.basis()).isEqualTo(MatchBasis.ORIGIN_ID));

        assertThat(counts(report.glAccounts())).containsExactly(2, 2, 0, 2);
        assertThat(report.glAccounts().matched()).extracting(AlignmentItem::accountingName, AlignmentItem::projectSystemId,
                AlignmentItem::basis).containsExactlyInAnyOrder(
                tuple("Drywall", "09-200", MatchBasis.ORIGIN_ID), tuple("Electrical", "26-000", MatchBasis.MAPPING_TABLE));
        assertThat(report.glAccounts().suggested()).extracting(AlignmentItem::accountingName,
                AlignmentItem::projectSystemId, AlignmentItem::basis).containsExactlyInAnyOrder(
                tuple("Concrete", "03-300", MatchBasis.CODE), tuple("Structural Steel", "05-100", MatchBasis.NAME));
        assertThat(report.glAccounts().unmatched()).extracting(AlignmentItem::accountingName)
                .containsExactlyInAnyOrder("Office Supplies", "Earthwork");

        assertThat(mappings.find(CONN, MappingKind.VENDOR, fbAcme.ref().id())).get()
                .satisfies(m -> {
                    assertThat(m.targetId()).isEqualTo(pcAcme.ref().id());
                    assertThat(m.status()).isEqualTo(MappingStatus.CONFIRMED);
                    assertThat(m.label()).isEqualTo("Acme Concrete LLC <-> Acme Concrete Inc");
                });
        assertThat(mappings.find(CONN, MappingKind.VENDOR, fbCarter.ref().id())).get()
                .extracting(Mapping::status).isEqualTo(MappingStatus.SUGGESTED);
        assertThat(mappings.find(CONN, MappingKind.PROJECT, fbHarbor.ref().id())).get()
                .extracting(Mapping::targetId, Mapping::status)
                .containsExactly(Long.toString(harbor.projectId()), MappingStatus.SUGGESTED);
        assertThat(mappings.find(CONN, MappingKind.COST_CODE_CATEGORY, "09-200")).get()
                .extracting(Mapping::targetId, Mapping::status).containsExactly(glDrywall.ref().id(), MappingStatus.CONFIRMED);
        assertThat(mappings.find(CONN, MappingKind.COST_CODE_CATEGORY, "03-300")).get()
                .extracting(Mapping::status).isEqualTo(MappingStatus.SUGGESTED);
        assertThat(mappings.find(CONN, MappingKind.GL_ACCOUNT, glOffice.ref().id())).isEmpty();
        assertThat(mappings.find(CONN, MappingKind.GL_ACCOUNT, glEarthwork.ref().id())).isEmpty();

        // vendors: Acme link, Baker names, Carter suggestion; projects: 2; GL: Drywall+reverse, Electrical names,
        // Concrete+reverse, Steel+reverse
        assertThat(mappingEvents()).hasSize(12);
        assertThat(pc.writes()).isZero();
        assertThat(fb.writes()).isZero();
        assertThat(pc.calls("listCostCodes")).isEqualTo(1);
    }

    @Test
    void align_secondRun_changesNothing() {
        alignment(AlignmentPolicy.defaults()).align();
        int events = audit.all().size();

        AlignmentReport again = alignment(AlignmentPolicy.defaults()).align();

        assertThat(audit.all()).hasSize(events);
        assertThat(counts(again.vendors())).containsExactly(2, 1, 0, 7);
        assertThat(counts(again.projects())).containsExactly(1, 1, 0, 2);
        assertThat(counts(again.glAccounts())).containsExactly(2, 2, 0, 2);
        assertThat(again.vendors().suggested()).singleElement()
                .extracting(AlignmentItem::basis).isEqualTo(MatchBasis.EARLIER_SUGGESTION);
    }

    @Test
    void align_autoConfirm_writesNameMatchesAsConfirmed() {
        AlignmentReport report = alignment(AlignmentPolicy.defaults().withAutoConfirmNameMatches(true)).align();

        assertThat(counts(report.vendors())).containsExactly(3, 0, 0, 7);
        assertThat(counts(report.projects())).containsExactly(2, 0, 0, 2);
        assertThat(mappings.find(CONN, MappingKind.VENDOR, fbCarter.ref().id())).get()
                .extracting(Mapping::status).isEqualTo(MappingStatus.CONFIRMED);
        // Harbor Bridge is now a confirmed project, so its cost code Earthwork is read and matched by name
        assertThat(counts(report.glAccounts())).containsExactly(5, 0, 0, 1);
        assertThat(report.glAccounts().unmatched()).extracting(AlignmentItem::accountingName)
                .containsExactly("Office Supplies");
    }

    @Test
    void align_createInProjectSystem_batchesUpserts_mapsCreated_andReportsRefusals() {
        fb.addVendor("India Insulation");
        Vendor juliet = fb.addVendor("Juliet Joinery");
        pc.rejectVendorUpserts(v -> v.name().startsWith("Juliet"), "vendor name is on a blocked list");

        AlignmentReport report = alignment(AlignmentPolicy.defaults()
                .withCreateMissingVendorsIn(VendorCreationSide.PROJECT_SYSTEM).withBatchSize(2)).align();

        assertThat(counts(report.vendors())).containsExactly(2, 1, 2, 7);
        assertThat(report.vendors().created()).extracting(AlignmentItem::accountingName)
                .containsExactly("Delta Drywall", "India Insulation");
        assertThat(report.vendors().unmatched()).filteredOn(i -> juliet.ref().id().equals(i.accountingId()))
                .singleElement().satisfies(i -> assertThat(i.note()).contains("blocked list"));
        assertThat(pc.calls("upsertVendors")).isEqualTo(2);
        AlignmentItem delta = report.vendors().created().get(0);
        assertThat(pc.findByOrigin(null, io.mlconnector.core.model.TargetKind.VENDOR, fbDelta.ref().id())).get()
                .extracting(p -> p.id()).isEqualTo(delta.projectSystemId());
        assertThat(mappings.find(CONN, MappingKind.VENDOR, fbDelta.ref().id())).get()
                .extracting(Mapping::targetId, Mapping::status).containsExactly(delta.projectSystemId(), MappingStatus.CONFIRMED);
        assertThat(audit.all()).filteredOn(e -> e.outcome() == AuditOutcome.FAILED_PERMANENT).singleElement()
                .satisfies(e -> assertThat(e.sourceRef()).isEqualTo(juliet.ref().key()));

        // the created vendors now carry our origin id: a second run matches them and creates nothing
        AlignmentReport again = alignment(AlignmentPolicy.defaults()
                .withCreateMissingVendorsIn(VendorCreationSide.PROJECT_SYSTEM).withBatchSize(2)).align();
        assertThat(again.vendors().created()).isEmpty();
        assertThat(again.vendors().matched()).extracting(AlignmentItem::accountingName)
                .contains("Delta Drywall", "India Insulation").hasSize(4);
        assertThat(pc.calls("upsertVendors")).isEqualTo(3);
    }

    @Test
    void align_createInProjectSystem_batchFailure_reportsEveryItemOfTheBatch() {
        pc.failNext("upsertVendors", 1, Faults.serverError());

        AlignmentReport report = alignment(AlignmentPolicy.defaults()
                .withCreateMissingVendorsIn(VendorCreationSide.PROJECT_SYSTEM)).align();

        assertThat(report.vendors().created()).isEmpty();
        assertThat(report.vendors().unmatched()).filteredOn(i -> fbDelta.ref().id().equals(i.accountingId()))
                .singleElement().satisfies(i -> assertThat(i.note()).contains("503"));
        assertThat(audit.all()).filteredOn(e -> e.outcome() == AuditOutcome.FAILED_RETRYABLE).hasSize(1);
        assertThat(mappings.find(CONN, MappingKind.VENDOR, fbDelta.ref().id())).isEmpty();
    }

    @Test
    void align_createInAccounting_createsOnlyUnlinkedActiveProjectVendors() {
        AlignmentReport report = alignment(AlignmentPolicy.defaults()
                .withCreateMissingVendorsIn(VendorCreationSide.ACCOUNTING_SYSTEM)).align();

        assertThat(counts(report.vendors())).containsExactly(2, 1, 1, 6);
        AlignmentItem created = report.vendors().created().get(0);
        assertThat(created.projectSystemId()).isEqualTo(pcFoxtrot.ref().id());
        assertThat(fb.calls("createVendor")).isEqualTo(1);
        assertThat(fb.vendors()).filteredOn(v -> v.name().equals("Foxtrot Steel")).singleElement()
                .satisfies(v -> assertThat(v.ref().id()).isEqualTo(created.accountingId()));
        assertThat(mappings.find(CONN, MappingKind.VENDOR, created.accountingId())).get()
                .extracting(Mapping::targetId).isEqualTo(pcFoxtrot.ref().id());
    }

    @Test
    void policy_rejectsBatchSizeOutOfRange() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AlignmentPolicy.defaults().withBatchSize(1001))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> AlignmentPolicy.defaults().withBatchSize(0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ------------------------------------------------------------------ applyChange

    @Test
    void applyChange_renameOnEitherSide_updatesLabel() {
        ReferenceDataAlignment a = alignment(AlignmentPolicy.defaults());
        a.align();

        List<MappingChange> fbSide = a.applyChange(fb.renameVendor(fbAcme.ref().id(), "Acme Concrete Holdings LLC"));
        List<MappingChange> pcSide = a.applyChange(pc.renameVendor(pcAcme.ref().id(), "Acme Concrete (West)"));

        assertThat(fbSide).singleElement().extracting(MappingChange::action).isEqualTo(MappingChange.Action.RENAMED);
        assertThat(pcSide).singleElement().extracting(MappingChange::action).isEqualTo(MappingChange.Action.RENAMED);
        assertThat(mappings.find(CONN, MappingKind.VENDOR, fbAcme.ref().id())).get().extracting(Mapping::label)
                .isEqualTo("Acme Concrete Holdings LLC <-> Acme Concrete (West)");
        // the same change again does nothing
        assertThat(a.applyChange(pc.renameVendor(pcAcme.ref().id(), "Acme Concrete (West)"))).isEmpty();
    }

    @Test
    void applyChange_deactivation_annotatesButKeepsMapping_andReactivationClearsIt() {
        ReferenceDataAlignment a = alignment(AlignmentPolicy.defaults());
        a.align();

        List<MappingChange> off = a.applyChange(pc.deactivateVendor(pcBaker.ref().id()));

        assertThat(off).singleElement().extracting(MappingChange::action).isEqualTo(MappingChange.Action.DEACTIVATED);
        Mapping m = mappings.find(CONN, MappingKind.VENDOR, fbBaker.ref().id()).orElseThrow();
        assertThat(m.status()).isEqualTo(MappingStatus.CONFIRMED);
        assertThat(m.label()).endsWith("[inactive in project system]");

        Vendor back = pc.putVendor(new Vendor(pcBaker.ref(), "Baker Elec. Services", null, null, true, null));
        assertThat(a.applyChange(back)).singleElement().extracting(MappingChange::action)
                .isEqualTo(MappingChange.Action.REACTIVATED);
        assertThat(mappings.find(CONN, MappingKind.VENDOR, fbBaker.ref().id()).orElseThrow().label())
                .doesNotContain("inactive");
    }

    @Test
    void applyChange_newProjectVendorWithOriginId_isLinked() {
        ReferenceDataAlignment a = alignment(AlignmentPolicy.defaults());
        Vendor created = pc.addVendor("Delta Drywall Inc", fbDelta.ref().id());

        List<MappingChange> changes = a.applyChange(created);

        assertThat(changes).singleElement().satisfies(c -> {
            assertThat(c.action()).isEqualTo(MappingChange.Action.LINKED);
            assertThat(c.mapping().sourceId()).isEqualTo(fbDelta.ref().id());
            assertThat(c.mapping().targetId()).isEqualTo(created.ref().id());
            assertThat(c.mapping().status()).isEqualTo(MappingStatus.CONFIRMED);
            assertThat(c.mapping().label()).isEqualTo("Delta Drywall <-> Delta Drywall Inc");
        });
        assertThat(audit.all()).filteredOn(e -> e.outcome() == AuditOutcome.MAPPING_CHANGED).hasSize(1);
    }

    @Test
    void applyChange_newAccountingVendorAlreadyInProjectSystemByOrigin_isLinked() {
        ReferenceDataAlignment a = alignment(AlignmentPolicy.defaults());
        Vendor fbNew = fb.addVendor("Kilo Kitchens");
        Vendor pcNew = pc.addVendor("Kilo Kitchens", fbNew.ref().id());

        assertThat(a.applyChange(fbNew)).singleElement().satisfies(c ->
                assertThat(c.mapping().targetId()).isEqualTo(pcNew.ref().id()));
        assertThat(a.applyChange(fb.addVendor("Lima Lumber"))).isEmpty();
    }

    @Test
    void applyChange_originIdNamingNoAccountingRecord_changesNothing() {
        ReferenceDataAlignment a = alignment(AlignmentPolicy.defaults());
        assertThat(a.applyChange(pc.addVendor("Stray", "424242"))).isEmpty();
        assertThat(mappings.list(CONN, MappingKind.VENDOR)).hasSize(1);
    }

    @Test
    void applyChange_projectRenameAndCostCodeRename_followTheMappings() {
        ReferenceDataAlignment a = alignment(AlignmentPolicy.defaults());
        a.align();

        Project renamed = pc.updateProject(tower, "Tower One (Phase 2)", true);
        assertThat(a.applyChange(renamed)).singleElement().extracting(MappingChange::action)
                .isEqualTo(MappingChange.Action.RENAMED);
        assertThat(mappings.find(CONN, MappingKind.PROJECT, fbTower.ref().id()).orElseThrow().label())
                .isEqualTo("Tower One <-> Tower One (Phase 2)");

        CostCode cc = pc.costCodes(tower).stream().filter(c -> c.code().equals("09-200")).findFirst().orElseThrow();
        List<MappingChange> changes = a.applyChange(tower, pc.renameCostCode(tower, cc.ref().id(), "Gypsum Board"));
        assertThat(changes).hasSize(2);
        assertThat(mappings.find(CONN, MappingKind.GL_ACCOUNT, glDrywall.ref().id()).orElseThrow().label())
                .isEqualTo("Drywall <-> Gypsum Board");
        assertThat(mappings.find(CONN, MappingKind.COST_CODE_CATEGORY, "09-200").orElseThrow().label())
                .isEqualTo("Gypsum Board <-> Drywall");
    }

    @Test
    void applyChange_newCostCodeWithOriginId_linksGlAccountBothWays() {
        ReferenceDataAlignment a = alignment(AlignmentPolicy.defaults());
        CostCode cc = pc.addCostCode(tower, "01-500", "Temporary Facilities", glOffice.ref().id());

        List<MappingChange> changes = a.applyChange(tower, cc);

        assertThat(changes).singleElement().extracting(MappingChange::action).isEqualTo(MappingChange.Action.LINKED);
        assertThat(mappings.find(CONN, MappingKind.GL_ACCOUNT, glOffice.ref().id())).get()
                .extracting(Mapping::targetId).isEqualTo("01-500");
        assertThat(mappings.find(CONN, MappingKind.COST_CODE_CATEGORY, "01-500")).get()
                .extracting(Mapping::targetId).isEqualTo(glOffice.ref().id());
    }

    @Test
    void applyDeletion_ofAccountingGlAccount_annotatesMapping() {
        ReferenceDataAlignment a = alignment(AlignmentPolicy.defaults());
        a.align();

        List<MappingChange> changes = a.applyDeletion(AlignmentKind.GL_ACCOUNT, glElectrical.ref());

        assertThat(changes).singleElement().extracting(MappingChange::action).isEqualTo(MappingChange.Action.DEACTIVATED);
        assertThat(mappings.find(CONN, MappingKind.GL_ACCOUNT, glElectrical.ref().id()).orElseThrow().label())
                .isEqualTo("Electrical <-> Electrical Systems [inactive in accounting system]");
        Optional<Mapping> unchanged = mappings.find(CONN, MappingKind.GL_ACCOUNT, glDrywall.ref().id());
        assertThat(unchanged.orElseThrow().label()).doesNotContain("inactive");
    }
}
