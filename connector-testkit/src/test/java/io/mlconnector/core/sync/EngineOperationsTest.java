package io.mlconnector.core.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.mlconnector.core.error.ConfigurationException;
import io.mlconnector.core.mapping.MappingKind;
import io.mlconnector.core.mapping.MappingStatus;
import io.mlconnector.core.model.GlAccount;
import io.mlconnector.core.model.Money;
import io.mlconnector.core.model.PostedObject;
import io.mlconnector.core.model.ProjectRef;
import io.mlconnector.core.model.SourceDocument;
import io.mlconnector.core.model.TargetKind;
import io.mlconnector.core.model.Vendor;
import io.mlconnector.core.state.WorkStatus;
import io.mlconnector.core.sync.alignment.AlignmentReport;
import io.mlconnector.core.sync.reconcile.RecordStatus;
import io.mlconnector.core.sync.reconcile.ReconciliationReport;
import io.mlconnector.testkit.ports.InMemoryAccountingSystem;
import io.mlconnector.testkit.ports.InMemoryProjectSystem;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.junit.jupiter.api.Test;

/** Scheduling, several connections, alignment and reconciliation through the engine, invoice payments. */
class EngineOperationsTest {

    @Test
    void startedEngineProcessesWebhooksAndPollsOnTheHostsScheduler() throws Exception {
        EngineFixture fx = new EngineFixture();
        GlAccount gl = fx.fb.addGlAccount("Concrete", "5100");
        fx.mapGl(gl.ref().id(), "03-300", null);
        SourceDocument before = fx.fb.bill(fx.fbVendor.ref().id()).line(gl.ref().id(), "polled", "1").save();
        // polls are spread over the interval (issue 18): the first poll of a stream comes at its slot, within one
        // interval of the start, so a short interval here
        SyncEngine engine = fx.engine(fx.policy().workerInterval(Duration.ofMillis(20))
                .pollInterval(Duration.ofMillis(500)).build());
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(2);
        scheduler.setRemoveOnCancelPolicy(true);
        try {
            engine.start(scheduler);
            SourceDocument later = fx.fb.bill(fx.fbVendor.ref().id()).line(gl.ref().id(), "webhook", "2").save();
            assertThat(engine.onFreshBooksWebhook(fx.freshBooksWebhook("bill.create", later.ref().id())).status())
                    .isEqualTo(200);

            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                assertThat(fx.pc.postedWithOrigin(fx.origin("bill", before.ref().id()))).hasSize(1);
                assertThat(fx.pc.postedWithOrigin(fx.origin("bill", later.ref().id()))).hasSize(1);
            });
            assertThatThrownBy(() -> engine.start(scheduler)).isInstanceOf(IllegalStateException.class);
            engine.stop();
            // every periodic poll and worker task is cancelled and gone from the host's scheduler
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(scheduler.getQueue()).isEmpty());
        } finally {
            engine.stop();
            scheduler.shutdownNow();
        }
    }

    @Test
    void oneEngineServesSeveralConnectionsRoutedByAccountAndCompany() {
        EngineFixture fx = new EngineFixture();
        InMemoryAccountingSystem fb2 = new InMemoryAccountingSystem("ACC2", fx.clock);
        InMemoryProjectSystem pc2 = new InMemoryProjectSystem(77, fx.clock);
        ProjectRef p2 = pc2.addProject("Depot");
        Vendor v2 = fb2.addVendor("Other Co");
        Vendor pv2 = pc2.addVendor("Other Co", null);
        GlAccount gl2 = fb2.addGlAccount("Site", "6000");
        fx.mappings.put(io.mlconnector.core.mapping.Mapping.confirmed("beta", MappingKind.VENDOR, v2.ref().id(),
                pv2.ref().id()));
        fx.mappings.put(io.mlconnector.core.mapping.Mapping.confirmed("beta", MappingKind.VENDOR_PROJECT,
                v2.ref().id(), String.valueOf(p2.projectId())));
        fx.mappings.put(io.mlconnector.core.mapping.Mapping.confirmed("beta", MappingKind.GL_ACCOUNT, gl2.ref().id(),
                "01-500"));
        Connection beta = Connection.builder().id("beta").accounting(fb2).projects(pc2)
                .accountingVerifier(fx.connection(null).accountingVerifier())
                .projectVerifier(fx.connection(null).projectVerifier()).build();
        SyncEngine engine = fx.engine(fx.policy().build(), "node-a", Runnable::run, b -> b.connection(beta));
        SourceDocument bill = fb2.bill(v2.ref().id()).line(gl2.ref().id(), "x", "9").save();

        String body = "name=bill.create&object_id=" + bill.ref().id() + "&account_id=ACC2";
        engine.onFreshBooksWebhook(fx.signedFreshBooks(body, EngineFixture.FB_SECRET));
        engine.drain();

        assertThat(engine.connectionIds()).containsExactly(EngineFixture.CONNECTION, "beta");
        assertThat(pc2.postedWithOrigin("fb:ACC2:bill:" + bill.ref().id())).hasSize(1);
        assertThat(fx.pc.writes()).isZero();
        assertThat(fx.state.items("beta", WorkStatus.DONE)).hasSize(1);
        assertThat(engine.connection("beta").policy()).as("default policy applied").isNotNull();
        assertThatThrownBy(() -> fx.engine(fx.policy().build(), "n", Runnable::run, b -> b.connection(
                Connection.builder().id("gamma").accounting(fx.fb).projects(pc2).accountingVerifier(r -> { })
                        .projectVerifier(r -> { }).build()))).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("same FreshBooks account");
    }

    @Test
    void finishedWorkIsPurgedAfterTheRetention_andTheLedgerStillStopsADuplicate() {
        EngineFixture fx = new EngineFixture();
        GlAccount gl = fx.fb.addGlAccount("Concrete", "5100");
        fx.mapGl(gl.ref().id(), "03-300", null);
        SyncEngine engine = fx.engine();
        SourceDocument bill = fx.fb.bill(fx.fbVendor.ref().id()).issued(LocalDate.of(2024, 5, 3))
                .line(gl.ref().id(), "x", "75.50").save();
        engine.onFreshBooksWebhook(fx.freshBooksWebhook("bill.create", bill.ref().id()));
        engine.drain();
        assertThat(fx.items(io.mlconnector.core.state.WorkStatus.DONE)).isEqualTo(1);

        assertThat(engine.purgeFinishedWork()).as("inside the retention").isZero();
        fx.clock.advance(SyncEngine.DONE_RETENTION.plusHours(1));
        assertThat(engine.purgeFinishedWork()).isEqualTo(1);
        assertThat(fx.items(io.mlconnector.core.state.WorkStatus.DONE)).isZero();

        engine.onFreshBooksWebhook(fx.freshBooksWebhook("bill.create", bill.ref().id()));
        engine.drain();
        assertThat(fx.pc.postedWithOrigin(fx.origin("bill", bill.ref().id()))).hasSize(1);
    }

    @Test
    void alignmentAndReconciliationAreAvailableFromTheEngine() {
        EngineFixture fx = new EngineFixture();
        fx.fb.addVendor("Beta Builders");
        fx.pc.addVendor("BETA BUILDERS", null);
        GlAccount gl = fx.fb.addGlAccount("Concrete", "5100");
        fx.mapGl(gl.ref().id(), "03-300", null);
        SyncEngine engine = fx.engine();

        AlignmentReport aligned = engine.alignReferenceData(EngineFixture.CONNECTION);

        assertThat(aligned.vendors().matched()).hasSize(1);
        assertThat(aligned.vendors().suggested()).hasSize(1);
        assertThat(fx.mappings.list(EngineFixture.CONNECTION, MappingKind.VENDOR))
                .filteredOn(m -> m.status() == MappingStatus.SUGGESTED).hasSize(1);

        SourceDocument bill = fx.fb.bill(fx.fbVendor.ref().id()).issued(LocalDate.of(2024, 5, 3))
                .line(gl.ref().id(), "x", "75.50").save();
        engine.onFreshBooksWebhook(fx.freshBooksWebhook("bill.create", bill.ref().id()));
        engine.drain();

        ReconciliationReport report = engine.reconcile(EngineFixture.CONNECTION, YearMonth.of(2024, 5));

        assertThat(report.records(RecordStatus.MATCHED)).anySatisfy(r -> {
            assertThat(r.sourceKey()).isEqualTo(bill.ref().key());
            assertThat(r.projectAmount()).isEqualByComparingTo("75.50");
        });
        assertThat(report.differences()).isEmpty();
        assertThat(report.toCsv()).contains(bill.ref().key());
    }

    @Test
    void invoicePaymentIsRecordedAgainstThePostedPaymentApplication() {
        EngineFixture fx = new EngineFixture();
        fx.map(MappingKind.CLIENT_PROJECT, "C-1", String.valueOf(fx.tower.projectId()));
        fx.map(MappingKind.PROJECT_DEFAULT_COST_CODE, String.valueOf(fx.tower.projectId()), "01-000");
        SyncEngine engine = SyncEngine.builder().stateStore(fx.state).mappingStore(fx.mappings).auditSink(fx.audit)
                .clock(fx.clock).nodeId("n").freshBooksWebhookParser(TestWebhookParsers.freshBooks())
                .connection(Connection.builder().id(EngineFixture.CONNECTION).accounting(fx.fb).projects(fx.pc)
                        .accountingVerifier(fx.connection(null).accountingVerifier()).projectVerifier(r -> { })
                        .policy(fx.policy().build()).build()).build();
        SourceDocument invoice = fx.fb.invoice("C-1").number("INV-1").itemLine(null, "progress", "3000").save();
        engine.onFreshBooksWebhook(fx.freshBooksWebhook("invoice.create", invoice.ref().id()));
        engine.drain();
        String payApp = fx.pc.posted(TargetKind.PAYMENT_APPLICATION).get(0).id();

        fx.fb.addInvoicePayment(invoice.ref().id(), Money.of("3000", "USD"), LocalDate.of(2024, 5, 30));
        engine.pollStream(EngineFixture.CONNECTION, io.mlconnector.core.port.SourceStream.INVOICE_PAYMENTS);
        engine.drain();

        List<PostedObject> payments = fx.pc.posted(TargetKind.CONTRACT_PAYMENT);
        assertThat(payments).hasSize(1);
        assertThat(fx.pc.contractPaymentDraft(payments.get(0).id())).satisfies(d -> {
            assertThat(d.contractId()).as("the port resolves the prime contract").isNull();
            assertThat(d.invoiceId()).isEqualTo(payApp);
            assertThat(d.invoiceNumber()).isEqualTo("INV-1");
            assertThat(d.amount()).isEqualTo(Money.of("3000", "USD"));
        });
        assertThat(fx.pc.posted(TargetKind.CONTRACT_PAYMENT)).extracting(PostedObject::originId)
                .singleElement().asString().startsWith("fb:ACC1:invoice_payment:");
    }
}
