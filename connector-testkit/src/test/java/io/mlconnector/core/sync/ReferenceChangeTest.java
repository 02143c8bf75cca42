package io.mlconnector.core.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.core.audit.AuditOutcome;
import io.mlconnector.core.mapping.Mapping;
import io.mlconnector.core.mapping.MappingKind;
import io.mlconnector.core.model.Money;
import io.mlconnector.core.model.Project;
import io.mlconnector.core.model.Vendor;
import io.mlconnector.core.sync.alignment.AlignmentPolicy;
import io.mlconnector.core.sync.alignment.VendorCreationSide;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Vendor, project and category changes arriving by webhook keep the mapping table current. */
class ReferenceChangeTest {
    private final EngineFixture fx = new EngineFixture();

    private static String procoreBody(String ulid, String resource, String id) {
        return "{\"id\":1,\"ulid\":\"" + ulid + "\",\"company_id\":" + EngineFixture.COMPANY + ",\"project_id\":null,"
                + "\"event_type\":\"update\",\"resource_name\":\"" + resource + "\",\"resource_id\":" + id + "}";
    }

    @Test
    void renamedFreshBooksVendorUpdatesItsMapping() {
        SyncEngine engine = fx.engine();
        fx.fb.renameVendor(fx.fbVendor.ref().id(), "Acme Steel & Rebar");

        engine.onFreshBooksWebhook(fx.freshBooksWebhook("bill_vendor.update", fx.fbVendor.ref().id()));
        engine.drain();

        Mapping m = fx.mappings.find(EngineFixture.CONNECTION, MappingKind.VENDOR, fx.fbVendor.ref().id()).orElseThrow();
        assertThat(m.targetId()).isEqualTo(fx.pcVendor.ref().id());
        assertThat(m.label() + " " + m.attributes()).contains("Acme Steel & Rebar");
        assertThat(fx.audits(AuditOutcome.MAPPING_CHANGED)).isNotEmpty();
        assertThat(fx.pc.writes()).as("Procore's directory is not renamed").isZero();
    }

    @Test
    void newFreshBooksVendorIsCreatedInProcoreOnceWhenThePolicySaysSo() {
        SyncEngine engine = fx.engine(fx.policy().alignment(AlignmentPolicy.defaults()
                .withCreateMissingVendorsIn(VendorCreationSide.PROJECT_SYSTEM)).build());
        Vendor fresh = fx.fb.addVendor("Fresh Formwork");

        engine.onFreshBooksWebhook(fx.freshBooksWebhook("bill_vendor.create", fresh.ref().id()));
        engine.drain();
        engine.onFreshBooksWebhook(fx.freshBooksWebhook("bill_vendor.update", fresh.ref().id()));
        engine.drain();

        assertThat(fx.pc.vendors()).filteredOn(v -> fresh.ref().id().equals(v.externalId())).singleElement()
                .satisfies(v -> {
                    assertThat(v.name()).isEqualTo("Fresh Formwork");
                    assertThat(fx.mappings.find(EngineFixture.CONNECTION, MappingKind.VENDOR, fresh.ref().id()))
                            .map(Mapping::targetId).contains(v.ref().id());
                });
        assertThat(fx.pc.calls("upsertVendors")).isEqualTo(1);
    }

    @Test
    void newFreshBooksVendorIsListedAsUnmappedByDefault() {
        SyncEngine engine = fx.engine();
        Vendor fresh = fx.fb.addVendor("Fresh Formwork");

        engine.onFreshBooksWebhook(fx.freshBooksWebhook("bill_vendor.create", fresh.ref().id()));
        engine.drain();

        assertThat(fx.mappings.unmapped(EngineFixture.CONNECTION)).extracting(u -> u.kind() + " " + u.sourceId())
                .containsExactly("VENDOR " + fresh.ref().id());
        assertThat(fx.pc.writes()).isZero();
    }

    @Test
    void procoreVendorCarryingAFreshBooksIdIsLinked() {
        SyncEngine engine = fx.engine();
        Vendor fbOnly = fx.fb.addVendor("Linked Later");
        Vendor procore = fx.pc.addVendor("Linked Later LLC", fbOnly.ref().id());

        engine.onProcoreWebhook(io.mlconnector.core.webhook.WebhookRequest.of(Map.of("Authorization",
                "Bearer " + EngineFixture.PROCORE_SECRET), procoreBody("V1", "Company Vendors", procore.ref().id())));
        engine.drain();

        assertThat(fx.mappings.find(EngineFixture.CONNECTION, MappingKind.VENDOR, fbOnly.ref().id()))
                .map(Mapping::targetId).contains(procore.ref().id());
    }

    @Test
    void renamedFreshBooksProjectUpdatesItsMappingAndOurOwnFixedPriceEchoChangesNothing() {
        SyncEngine engine = fx.engine();
        Project fbProject = fx.fb.addFixedPriceProject("Tower (FB)", null, Money.of("10", "USD"));
        fx.map(MappingKind.PROJECT, fbProject.ref().id(), String.valueOf(fx.tower.projectId()));
        engine.onFreshBooksWebhook(fx.freshBooksWebhook("project.update", fbProject.ref().id()));
        engine.drain();
        // an update that changes nothing the mapping shows (e.g. our own fixed-price write echoing back) leaves no trace
        int audits = fx.audit.all().size();
        fx.fb.updateProjectFixedPrice(fbProject.ref(), Money.of("20", "USD"));
        engine.onFreshBooksWebhook(fx.freshBooksWebhook("project.update", fbProject.ref().id()));
        engine.drain();
        assertThat(fx.audit.all()).hasSize(audits);

        fx.fb.putProject(new Project(fbProject.ref(), "Tower Phase 2", null, null, null, fbProject.budget(), true,
                null));
        engine.onFreshBooksWebhook(fx.freshBooksWebhook("project.update", fbProject.ref().id()));
        engine.drain();

        Mapping m = fx.mappings.find(EngineFixture.CONNECTION, MappingKind.PROJECT, fbProject.ref().id()).orElseThrow();
        assertThat(m.label() + " " + m.attributes()).contains("Tower Phase 2");
        assertThat(fx.audit.all().size()).isGreaterThan(audits);
    }
}
