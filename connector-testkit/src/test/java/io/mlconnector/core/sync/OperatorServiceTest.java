package io.mlconnector.core.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.audit.AuditEvent;
import io.mlconnector.core.audit.AuditOutcome;
import io.mlconnector.core.error.OperatorRequestException;
import io.mlconnector.core.mapping.CachingMappingStore;
import io.mlconnector.core.mapping.Mapping;
import io.mlconnector.core.mapping.MappingKind;
import io.mlconnector.core.mapping.MappingRef;
import io.mlconnector.core.mapping.MappingStatus;
import io.mlconnector.core.model.GlAccount;
import io.mlconnector.core.model.SourceDocument;
import io.mlconnector.core.model.TargetKind;
import io.mlconnector.core.model.Vendor;
import io.mlconnector.core.operator.MappingEdit;
import io.mlconnector.core.operator.OperatorService;
import io.mlconnector.core.operator.PlainReason;
import io.mlconnector.core.operator.ReplayResult;
import io.mlconnector.core.operator.UnmappedItem;
import io.mlconnector.core.operator.WaitingItem;
import io.mlconnector.core.operator.WaitingState;
import io.mlconnector.core.state.LedgerState;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The operator service over a real engine and the in-memory ports: a bill of a vendor with no confirmed Procore
 * vendor waits with a plain reason; confirming the stored suggestion (or picking a target) is audited and takes
 * effect at once, and replaying the records waiting for that mapping posts the bill.
 */
class OperatorServiceTest {
    private EngineFixture fx;
    private SyncEngine engine;
    private OperatorService operator;
    private Vendor lonePine;
    private Vendor pcLonePine;
    private GlAccount concrete;

    @BeforeEach
    void setUp() {
        fx = new EngineFixture();
        engine = fx.engine();
        operator = OperatorService.builder().engine(engine).mappingStore(fx.mappings).auditSink(fx.audit)
                .clock(fx.clock).build();
        concrete = fx.fb.addGlAccount("Concrete materials", "5100");
        fx.mapGl(concrete.ref().id(), "03-300", "M");
        lonePine = fx.fb.addVendor("Lone Pine Framing");
        pcLonePine = fx.pc.addVendor("Lone Pine Framing LLC", null);
        fx.map(MappingKind.VENDOR_PROJECT, lonePine.ref().id(), String.valueOf(fx.tower.projectId()));
        fx.pc.commitment(fx.tower, pcLonePine.ref().id()).number("SC-9").line("03-300", "M", "Framing", "50000")
                .save();
    }

    private SourceDocument flaggedBill() {
        SourceDocument bill = fx.fb.bill(lonePine.ref().id()).number("B-7").issued(LocalDate.of(2024, 5, 10))
                .line(concrete.ref().id(), "studs", "1200.00").save();
        assertThat(engine.onFreshBooksWebhook(fx.freshBooksWebhook("bill.create", bill.ref().id())).status())
                .isEqualTo(200);
        engine.drain();
        assertThat(engine.ledger(EngineFixture.CONNECTION, bill.ref().key()).orElseThrow().state())
                .isEqualTo(LedgerState.FLAGGED);
        return bill;
    }

    private void storeSuggestion() { // what alignment writes for an equal normalised name
        fx.mappings.put(new Mapping(EngineFixture.CONNECTION, MappingKind.VENDOR, lonePine.ref().id(),
                pcLonePine.ref().id(), Map.of("targetName", "Lone Pine Framing LLC"), MappingStatus.SUGGESTED,
                "Lone Pine Framing <-> Lone Pine Framing LLC", fx.clock.instant()));
    }

    @Test
    void flaggedBillWaitsWithItsReasonInPlainWordsNamingTheMappingThatFixesIt() {
        SourceDocument bill = flaggedBill();

        List<WaitingItem> waiting = operator.waiting(EngineFixture.CONNECTION);

        assertThat(waiting).hasSize(1);
        WaitingItem item = waiting.get(0);
        assertThat(item.key()).isEqualTo(bill.ref().key());
        assertThat(item.record()).isEqualTo("FreshBooks bill " + bill.ref().id());
        assertThat(item.state()).isEqualTo(WaitingState.FLAGGED);
        assertThat(item.reasons()).extracting(PlainReason::text).containsExactly("Vendor 'Lone Pine Framing' (FreshBooks"
                + " vendor " + lonePine.ref().id() + ") has no Procore vendor yet");
        assertThat(item.reasons().get(0).code()).isEqualTo("FLAGGED_UNMAPPED_VENDOR");
        assertThat(item.reasons().get(0).fix()).isEqualTo(new MappingRef(MappingKind.VENDOR, lonePine.ref().id()));
        assertThat(item.technical()).contains("has no confirmed Procore vendor mapping");
        assertThat(engine.keysWaitingFor(EngineFixture.CONNECTION, new MappingRef(MappingKind.VENDOR,
                lonePine.ref().id()))).containsExactly(bill.ref().key());
    }

    @Test
    void unmappedVendorWithoutStoredSuggestionGetsScoredNameMatchesAndTheWaitingRecords() {
        SourceDocument bill = flaggedBill();
        fx.pc.addVendor("Pine Lake Plumbing", null);
        fx.pc.addVendor("Granite Works", null);

        List<UnmappedItem> items = operator.unmapped(EngineFixture.CONNECTION);

        UnmappedItem vendor = items.stream().filter(i -> i.kind() == MappingKind.VENDOR).findFirst().orElseThrow();
        assertThat(vendor.sourceId()).isEqualTo(lonePine.ref().id());
        assertThat(vendor.sourceName()).isEqualTo("Lone Pine Framing");
        assertThat(vendor.suggested()).isNull();
        assertThat(vendor.nameMatches()).isNotEmpty();
        assertThat(vendor.nameMatches().get(0).option().id()).isEqualTo(pcLonePine.ref().id());
        assertThat(vendor.nameMatches().get(0).score()).isEqualTo(100); // "LLC" is dropped by the normaliser
        assertThat(vendor.nameMatches()).noneMatch(m -> m.option().name().equals("Granite Works"));
        assertThat(vendor.waitingKeys()).containsExactly(bill.ref().key());
    }

    @Test
    void confirmingTheStoredSuggestionIsAuditedAndReplayingTheWaitingRecordsPostsTheBill() {
        storeSuggestion();
        SourceDocument bill = flaggedBill();
        UnmappedItem vendor = operator.unmapped(EngineFixture.CONNECTION).stream()
                .filter(i -> i.kind() == MappingKind.VENDOR).findFirst().orElseThrow();
        assertThat(vendor.suggested().id()).isEqualTo(pcLonePine.ref().id());
        assertThat(vendor.suggested().name()).isEqualTo("Lone Pine Framing LLC");
        assertThat(vendor.nameMatches()).isEmpty();

        MappingEdit edit = operator.confirmSuggestion(EngineFixture.CONNECTION, MappingKind.VENDOR,
                lonePine.ref().id(), "console:alice");

        assertThat(edit.before().status()).isEqualTo(MappingStatus.SUGGESTED);
        assertThat(edit.after().status()).isEqualTo(MappingStatus.CONFIRMED);
        List<AuditEvent> edits = fx.audits(AuditOutcome.MAPPING_EDITED);
        assertThat(edits).hasSize(1);
        assertThat(edits.get(0).details()).containsEntry("who", "console:alice").containsEntry("kind", "VENDOR")
                .containsEntry("sourceId", lonePine.ref().id()).containsEntry("beforeStatus", "SUGGESTED")
                .containsEntry("afterStatus", "CONFIRMED").containsEntry("afterTarget", pcLonePine.ref().id())
                .containsEntry("beforeTarget", pcLonePine.ref().id());
        assertThat(operator.unmapped(EngineFixture.CONNECTION)).noneMatch(i -> i.kind() == MappingKind.VENDOR);
        assertThat(fx.pc.posted(TargetKind.REQUISITION)).isEmpty();

        ReplayResult replay = operator.replayWaitingFor(EngineFixture.CONNECTION,
                new MappingRef(MappingKind.VENDOR, lonePine.ref().id()));
        engine.drain();

        assertThat(replay.keys()).containsExactly(bill.ref().key());
        assertThat(replay.requeued()).isEqualTo(1);
        assertThat(fx.pc.posted(TargetKind.REQUISITION)).hasSize(1);
        assertThat(engine.ledger(EngineFixture.CONNECTION, bill.ref().key()).orElseThrow().attributes())
                .doesNotContainKey(MappingRef.LEDGER_ATTRIBUTE);
        assertThat(operator.waiting(EngineFixture.CONNECTION)).isEmpty();
    }

    @Test
    void aMappingSetThroughTheCachingStoreTheEngineUsesIsSeenByTheVeryNextReplay() {
        CachingMappingStore cached = CachingMappingStore.builder(fx.mappings).clock(fx.clock).executor(Runnable::run)
                .negativeExpireAfterWrite(Duration.ofHours(1)).build();
        engine = fx.engine(fx.policy().build(), "node-a", Runnable::run, b -> b.mappingStore(cached));
        operator = OperatorService.builder().engine(engine).mappingStore(cached).auditSink(fx.audit)
                .clock(fx.clock).build();
        SourceDocument bill = flaggedBill(); // the miss for the vendor is now cached for an hour

        operator.setMapping(EngineFixture.CONNECTION, MappingKind.VENDOR, lonePine.ref().id(), pcLonePine.ref().id(),
                "api");
        operator.replay(EngineFixture.CONNECTION, bill.ref().key());
        engine.drain();

        assertThat(fx.pc.posted(TargetKind.REQUISITION)).hasSize(1);
    }

    @Test
    void settingAMappingToATargetNotOnTheListIsRefusedAndChangesNothing() {
        flaggedBill();

        assertThatThrownBy(() -> operator.setMapping(EngineFixture.CONNECTION, MappingKind.VENDOR,
                lonePine.ref().id(), "999999", "api"))
                .isInstanceOf(OperatorRequestException.class)
                .satisfies(e -> assertThat(((OperatorRequestException) e).problem())
                        .isEqualTo(OperatorRequestException.Problem.INVALID));
        assertThat(fx.mappings.find(EngineFixture.CONNECTION, MappingKind.VENDOR, lonePine.ref().id())).isEmpty();
        assertThat(fx.audits(AuditOutcome.MAPPING_EDITED)).isEmpty();
    }

    @Test
    void confirmingWhereNoSuggestionIsStoredIsNotFound() {
        assertThatThrownBy(() -> operator.confirmSuggestion(EngineFixture.CONNECTION, MappingKind.VENDOR,
                lonePine.ref().id(), "api"))
                .isInstanceOf(OperatorRequestException.class)
                .satisfies(e -> assertThat(((OperatorRequestException) e).problem())
                        .isEqualTo(OperatorRequestException.Problem.NOT_FOUND));
    }

    @Test
    void writingTheMappingTheStoreAlreadyHoldsIsNotAuditedAgain() {
        Mapping m = Mapping.confirmed(EngineFixture.CONNECTION, MappingKind.VENDOR, lonePine.ref().id(),
                pcLonePine.ref().id());
        assertThat(operator.putMapping(m, "file").changed()).isTrue();
        assertThat(operator.putMapping(m, "file").changed()).isFalse();
        assertThat(fx.audits(AuditOutcome.MAPPING_EDITED)).hasSize(1);
        assertThat(fx.audits(AuditOutcome.MAPPING_EDITED).get(0).details()).containsEntry("who", "file")
                .doesNotContainKey("beforeTarget");
    }

    @Test
    void replayingBeforeTheFixFlagsTheRecordAgainAndItKeepsWaiting() {
        SourceDocument bill = flaggedBill();

        ReplayResult replay = operator.replay(EngineFixture.CONNECTION, bill.ref().key());
        engine.drain();

        assertThat(replay.requeued()).isEqualTo(1);
        assertThat(operator.waiting(EngineFixture.CONNECTION)).extracting(WaitingItem::key)
                .containsExactly(bill.ref().key());
        assertThat(fx.pc.posted(TargetKind.REQUISITION)).isEmpty();
    }

    @Test
    void unknownConnectionIsNotFound() {
        assertThatThrownBy(() -> operator.waiting("nope")).isInstanceOf(OperatorRequestException.class)
                .hasMessageContaining("unknown connection nope");
    }
}
