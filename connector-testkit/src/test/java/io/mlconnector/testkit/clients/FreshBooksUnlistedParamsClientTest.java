package io.mlconnector.testkit.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.mlconnector.core.auth.InMemoryCredentialStore;
import io.mlconnector.core.model.ChangedRecord;
import io.mlconnector.core.model.ExternalRef;
import io.mlconnector.core.model.PaymentRecord;
import io.mlconnector.core.port.SourceStream;
import io.mlconnector.freshbooks.adapter.FreshBooksAccountingSystem;
import io.mlconnector.freshbooks.adapter.ParamDecision;
import io.mlconnector.freshbooks.adapter.ParamSupport;
import io.mlconnector.freshbooks.adapter.UndocumentedParam;
import io.mlconnector.testkit.freshbooks.BillLine;
import io.mlconnector.testkit.freshbooks.FbResource;
import io.mlconnector.testkit.freshbooks.FreshBooksSandbox;
import io.mlconnector.testkit.freshbooks.FreshBooksSandboxExtension;
import io.mlconnector.testkit.freshbooks.ParamBehaviour;
import io.mlconnector.testkit.freshbooks.UnlistedParam;
import io.mlconnector.testkit.server.RecordedRequest;
import io.mlconnector.testkit.time.MutableClock;
import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The adapter against a FreshBooks that honours, ignores or refuses (400) each list parameter its docs do not list
 * (bill {@code sort=updated_at_desc}, vendor {@code search[updated_min]}, bill payment {@code search[billid]}):
 * polling finds every change exactly once in all three cases, the conclusion is reported once, and later polls use
 * the remembered choice instead of probing again (counted on the sandbox's request log).
 */
class FreshBooksUnlistedParamsClientTest {
    private static final Map<ParamBehaviour, ParamSupport> EXPECTED = Map.of(ParamBehaviour.HONOUR,
            ParamSupport.HONOURED, ParamBehaviour.IGNORE, ParamSupport.IGNORED, ParamBehaviour.REFUSE_400,
            ParamSupport.REFUSED);

    private final MutableClock clock = MutableClock.at(Instant.parse("2026-03-02T15:00:00Z"));

    @RegisterExtension
    final FreshBooksSandboxExtension ext = FreshBooksSandboxExtension.with(FreshBooksSandbox.builder().clock(clock));

    private final List<ParamDecision> decisions = new CopyOnWriteArrayList<>();
    private FreshBooksSandbox fb;
    private FreshBooksAccountingSystem books;
    private long vendor;
    private long category;

    @BeforeEach
    void setUp() {
        fb = ext.sandbox();
        books = FreshBooksAccountingSystem.builder()
                .client(FreshBooksConnections.connect(fb, clock, Credentials.encrypted(new InMemoryCredentialStore())))
                .baseCurrency("USD").onParamDecision(decisions::add).build();
        vendor = fb.seed().billVendor("Rebar Inc").id();
        category = fb.seed().expenseCategory("Concrete").id();
    }

    private static ExternalRef fbRef(String type, long id) {
        return ExternalRef.of("freshbooks", type, id);
    }

    private long bill(String what) {
        return fb.seed().bill(vendor, BillLine.of(category, what, "1", "100.00")).id();
    }

    /** Requests to one accounting list since {@code from}, with their decoded query. */
    private List<String> listQueries(String resourcePath, int from) {
        List<RecordedRequest> all = fb.requestLog().entries();
        return all.subList(from, all.size()).stream()
                .filter(r -> r.method().equals("GET") && r.path().endsWith("/" + resourcePath))
                .map(r -> r.query() == null ? "" : URLDecoder.decode(r.query(), StandardCharsets.UTF_8)).toList();
    }

    private void assertDecidedOnce(UndocumentedParam param, ParamBehaviour behaviour) {
        assertThat(decisions).extracting(ParamDecision::param, ParamDecision::support)
                .containsExactly(tuple(param, EXPECTED.get(behaviour)));
        assertThat(books.paramSupport(param)).isEqualTo(EXPECTED.get(behaviour));
    }

    @ParameterizedTest
    @EnumSource(ParamBehaviour.class)
    void billSort_everyChangedBillOnce_andTheChoiceIsRemembered(ParamBehaviour behaviour) {
        fb.unlistedParam(UnlistedParam.BILL_SORT, behaviour);
        long old1 = bill("old 1");
        clock.advance(Duration.ofHours(1));
        long old2 = bill("old 2");
        clock.advance(Duration.ofDays(3));
        Instant cursor = clock.instant();
        clock.advance(Duration.ofMinutes(5));
        long new1 = bill("new 1");
        clock.advance(Duration.ofMinutes(5));
        long new2 = bill("new 2");
        clock.advance(Duration.ofMinutes(5));
        fb.delete(FbResource.BILL, old1);

        int mark = fb.requestLog().entries().size();
        List<ChangedRecord> first = books.listChanged(SourceStream.BILLS, cursor);

        assertThat(first).extracting(ChangedRecord::ref, ChangedRecord::deleted).containsExactlyInAnyOrder(
                tuple(fbRef("bill", new1), false), tuple(fbRef("bill", new2), false), tuple(fbRef("bill", old1), true));
        assertThat(first).extracting(ChangedRecord::ref).doesNotContain(fbRef("bill", old2));
        assertDecidedOnce(UndocumentedParam.BILL_SORT_UPDATED_AT_DESC, behaviour);
        int probeCalls = listQueries("bills/bills", mark).size();
        assertThat(probeCalls).isEqualTo(behaviour == ParamBehaviour.IGNORE ? 2 : 3);

        clock.advance(Duration.ofMinutes(5));
        long new3 = bill("new 3");
        mark = fb.requestLog().entries().size();
        List<ChangedRecord> second = books.listChanged(SourceStream.BILLS, cursor);

        assertThat(second).extracting(ChangedRecord::ref).containsExactlyInAnyOrder(fbRef("bill", new1),
                fbRef("bill", new2), fbRef("bill", new3), fbRef("bill", old1));
        List<String> queries = listQueries("bills/bills", mark);
        assertThat(queries).as("one live and one deleted listing, no probe").hasSize(2);
        if (behaviour == ParamBehaviour.HONOUR) {
            assertThat(queries).allMatch(q -> q.contains("sort=updated_at_desc"));
        } else {
            assertThat(queries).noneMatch(q -> q.contains("sort="));
        }
        assertThat(decisions).as("said once").hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(ParamBehaviour.class)
    void vendorUpdatedMin_everyChangedVendorOnce_andTheChoiceIsRemembered(ParamBehaviour behaviour) {
        fb.unlistedParam(UnlistedParam.BILL_VENDOR_UPDATED_MIN, behaviour);
        long old = fb.seed().billVendor("Old Supplier").id();
        long gone = fb.seed().billVendor("Gone Supplier").id();
        clock.advance(Duration.ofDays(3));
        Instant cursor = clock.instant();
        clock.advance(Duration.ofHours(1));
        long fresh = fb.seed().billVendor("New Supplier").id();
        fb.delete(FbResource.BILL_VENDOR, gone);

        int mark = fb.requestLog().entries().size();
        List<ChangedRecord> first = books.listChanged(SourceStream.VENDORS, cursor);

        assertThat(first).extracting(ChangedRecord::ref, ChangedRecord::deleted).containsExactlyInAnyOrder(
                tuple(fbRef("vendor", fresh), false), tuple(fbRef("vendor", gone), true));
        assertThat(first).extracting(ChangedRecord::ref).doesNotContain(fbRef("vendor", old), fbRef("vendor", vendor));
        assertDecidedOnce(UndocumentedParam.BILL_VENDOR_UPDATED_MIN, behaviour);
        assertThat(listQueries("bill_vendors/bill_vendors", mark))
                .hasSize(behaviour == ParamBehaviour.REFUSE_400 ? 3 : 2);

        clock.advance(Duration.ofHours(1));
        long another = fb.seed().billVendor("Another").id();
        mark = fb.requestLog().entries().size();
        List<ChangedRecord> second = books.listChanged(SourceStream.VENDORS, cursor);

        assertThat(second).extracting(ChangedRecord::ref).containsExactlyInAnyOrder(fbRef("vendor", fresh),
                fbRef("vendor", gone), fbRef("vendor", another));
        List<String> queries = listQueries("bill_vendors/bill_vendors", mark);
        assertThat(queries).as("live and deleted listings, no probe").hasSize(2);
        if (behaviour == ParamBehaviour.HONOUR) {
            assertThat(queries).allMatch(q -> q.contains("search[updated_min]="));
        } else {
            assertThat(queries).noneMatch(q -> q.contains("updated_min"));
        }
        assertThat(decisions).as("said once").hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(ParamBehaviour.class)
    void billPaymentBillId_paymentsOfEachBillOnce_andTheChoiceIsRemembered(ParamBehaviour behaviour) {
        fb.unlistedParam(UnlistedParam.BILL_PAYMENT_BILLID, behaviour);
        fb.billsCarryPayments(false);
        Instant cursor = clock.instant();
        clock.advance(Duration.ofMinutes(5));
        long a = bill("A");
        long b = bill("B");
        long a1 = fb.seed().billPayment(a, new BigDecimal("10.00")).id();
        long a2 = fb.seed().billPayment(a, new BigDecimal("20.00")).id();
        long b1 = fb.seed().billPayment(b, new BigDecimal("30.00")).id();

        int mark = fb.requestLog().entries().size();
        List<PaymentRecord> ofA = books.fetchBillPayments(Long.toString(a));

        assertThat(ofA).containsExactlyInAnyOrder(books.fetchBillPayment(Long.toString(a1)),
                books.fetchBillPayment(Long.toString(a2)));
        assertDecidedOnce(UndocumentedParam.BILL_PAYMENT_BILLID, behaviour);
        assertThat(listQueries("bill_payments/bill_payments", mark))
                .hasSize(behaviour == ParamBehaviour.REFUSE_400 ? 2 : 1);

        mark = fb.requestLog().entries().size();
        List<ChangedRecord> changed = books.listChanged(SourceStream.BILL_PAYMENTS, cursor);

        assertThat(changed).extracting(ChangedRecord::ref).containsExactlyInAnyOrder(fbRef("bill_payment", a1),
                fbRef("bill_payment", a2), fbRef("bill_payment", b1));
        List<String> queries = listQueries("bill_payments/bill_payments", mark).stream()
                .filter(q -> !q.contains("search[vis_state]=1")).toList();
        if (behaviour == ParamBehaviour.HONOUR) {
            assertThat(queries).as("one listing per bill").hasSize(2).allMatch(q -> q.contains("search[billid]="));
        } else {
            assertThat(queries).as("one listing for both bills, no probe").hasSize(1)
                    .noneMatch(q -> q.contains("billid"));
        }
        assertThat(decisions).as("said once").hasSize(1);
    }
}
