package io.mlconnector.jdbc.e2e;

import io.mlconnector.core.auth.CredentialStore;
import io.mlconnector.core.auth.EncryptedCredentialStore;
import io.mlconnector.core.auth.EncryptionKey;
import io.mlconnector.core.auth.KeyProvider;
import io.mlconnector.core.auth.StaticKeyProvider;
import io.mlconnector.core.mapping.Mapping;
import io.mlconnector.core.mapping.MappingKind;
import io.mlconnector.core.mapping.MappingStatus;
import io.mlconnector.core.webhook.WebhookRequest;
import io.mlconnector.freshbooks.auth.FreshBooksOAuth;
import io.mlconnector.freshbooks.auth.FreshBooksTokenSource;
import io.mlconnector.freshbooks.auth.OAuthTokens;
import io.mlconnector.jdbc.JdbcCredentialStore;
import io.mlconnector.jdbc.JdbcMappingStore;
import io.mlconnector.jdbc.testing.TestDatabase;
import io.mlconnector.testkit.freshbooks.Bill;
import io.mlconnector.testkit.freshbooks.BillLine;
import io.mlconnector.testkit.freshbooks.BillVendor;
import io.mlconnector.testkit.freshbooks.ExpenseCategory;
import io.mlconnector.testkit.freshbooks.FreshBooksIdentity;
import io.mlconnector.testkit.freshbooks.FreshBooksSandbox;
import io.mlconnector.testkit.freshbooks.FreshBooksSignature;
import io.mlconnector.testkit.freshbooks.TokenPair;
import io.mlconnector.testkit.procore.Company;
import io.mlconnector.testkit.procore.CostCode;
import io.mlconnector.testkit.procore.LineItemType;
import io.mlconnector.testkit.procore.ProcoreProject;
import io.mlconnector.testkit.procore.ProcoreSandbox;
import io.mlconnector.testkit.procore.SovLine;
import io.mlconnector.testkit.procore.Vendor;
import io.mlconnector.testkit.server.Params;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The shared world of the multi-node tests: one FreshBooks and one Procore sandbox, reference data on both sides
 * with confirmed mappings in the shared database, a stored FreshBooks grant, and the plans of {@code n} bills that the
 * test creates in FreshBooks while the nodes run ({@link #create}: silently — the test delivers the webhooks itself).
 * {@code requisitionBills} of them come from vendors holding an approved commitment on their project and become
 * requisitions (one per commitment and billing period, as Procore allows); all others come from vendors without one
 * and become direct costs.
 */
final class BillWorld implements AutoCloseable {
    static final String CONNECTION = "acme";
    static final String PROCORE_CONNECTION = "acme-procore";
    private static final int PROJECTS = 3;
    private static final int DIRECT_COST_VENDORS = 12;
    private static final String[][] CODES = {{"03-300", "Cast-in-Place Concrete", "M"}, {"05-100", "Structural Steel", "M"},
            {"09-900", "Painting", "L"}};

    final FreshBooksSandbox fb;
    final ProcoreSandbox pc;
    final TestDatabase db;
    final KeyProvider keys = StaticKeyProvider.of(EncryptionKey.aes256("e2e",
            "e2e-key-0123456789abcdef-0123456".getBytes(StandardCharsets.US_ASCII)));
    final String callbackVerifier = "e2eVerifier0123456789abcdefghijkl";
    final String procoreHookSecret = "e2e-procore-hook-secret";
    final Company company;
    final List<ProcoreProject> projects = new ArrayList<>();
    /** The bills to create during the run, in creation order. */
    final List<BillPlan> plans = new ArrayList<>();
    /** Bills created so far, in creation order. */
    final List<Bill> bills = new ArrayList<>();
    /** Ids of the created bills that must become requisitions (their vendor has a commitment). */
    final Set<Long> requisitionBills = new LinkedHashSet<>();

    private BillWorld(TestDatabase db, int billCount, int requisitionBillCount, long seed) {
        this.db = db;
        this.fb = FreshBooksSandbox.builder().build().start();
        // plenty of budget: the test measures the engine, not Procore's hourly limit
        this.pc = ProcoreSandbox.builder().hourlyLimit(50_000_000).build().start();
        Random random = new Random(seed);
        this.company = pc.seed().company("Acme GC");
        LineItemType materials = pc.seed().lineItemType(company.id(), "Materials", "M", "materials");
        LineItemType labor = pc.seed().lineItemType(company.id(), "Labor", "L", "labor");
        LocalDate today = LocalDate.now(ZoneId.of("America/New_York")); // FreshBooks issues bills "today" in Eastern
        Map<Long, List<CostCode>> codesByProject = new HashMap<>();
        for (int p = 0; p < PROJECTS; p++) {
            ProcoreProject project = pc.seed().project(company.id(), "Tower " + (char) ('A' + p));
            projects.add(project);
            List<CostCode> codes = new ArrayList<>();
            for (String[] c : CODES) {
                codes.add(pc.seed().costCode(project.id(), c[0], c[1]));
            }
            codesByProject.put(project.id(), codes);
            pc.seed().billingPeriod(project.id(), today.withDayOfMonth(1), today.with(TemporalAdjusters.lastDayOfMonth()));
        }

        JdbcMappingStore mappings = JdbcMappingStore.builder().dataSource(db.dataSource()).tablePrefix(db.tablePrefix())
                .build();
        List<ExpenseCategory> categories = new ArrayList<>();
        for (String[] c : CODES) {
            ExpenseCategory category = fb.seed().expenseCategory(c[1]);
            categories.add(category);
            mappings.put(new Mapping(CONNECTION, MappingKind.GL_ACCOUNT, Long.toString(category.id()), c[0],
                    Map.of("costType", c[2]), MappingStatus.CONFIRMED, c[1], null));
        }
        // vendors with a commitment (one bill each → one requisition), then vendors without (direct costs)
        List<BillVendor> committed = new ArrayList<>();
        List<BillVendor> uncommitted = new ArrayList<>();
        for (int v = 0; v < requisitionBillCount + DIRECT_COST_VENDORS; v++) {
            boolean hasCommitment = v < requisitionBillCount;
            String name = (hasCommitment ? "Sub " : "Supplier ") + v;
            BillVendor fbVendor = fb.seed().billVendor(name);
            Vendor pcVendor = pc.seed().vendor(company.id(), name);
            ProcoreProject project = projects.get(v % PROJECTS);
            mappings.put(Mapping.confirmed(CONNECTION, MappingKind.VENDOR, Long.toString(fbVendor.id()),
                    Long.toString(pcVendor.id())));
            mappings.put(Mapping.confirmed(CONNECTION, MappingKind.VENDOR_PROJECT, Long.toString(fbVendor.id()),
                    Long.toString(project.id())));
            if (hasCommitment) {
                List<CostCode> codes = codesByProject.get(project.id());
                pc.seed().commitment(project.id(), pcVendor.id(),
                        SovLine.of(codes.get(0).id(), materials.id(), "Concrete", "5000000"),
                        SovLine.of(codes.get(1).id(), materials.id(), "Steel", "5000000"),
                        SovLine.of(codes.get(2).id(), labor.id(), "Painting", "5000000"));
                committed.add(fbVendor);
            } else {
                uncommitted.add(fbVendor);
            }
        }

        for (int i = 0; i < billCount; i++) {
            boolean requisition = i < requisitionBillCount;
            BillVendor vendor = requisition ? committed.get(i) : uncommitted.get(i % uncommitted.size());
            List<BillLine> lines = new ArrayList<>();
            List<ExpenseCategory> shuffled = new ArrayList<>(categories);
            java.util.Collections.shuffle(shuffled, random);
            for (int l = 0, n = 1 + random.nextInt(3); l < n; l++) {
                BigDecimal unit = BigDecimal.valueOf(1_000 + random.nextInt(199_000)).movePointLeft(2)
                        .setScale(2, RoundingMode.UNNECESSARY);
                lines.add(BillLine.of(shuffled.get(l).id(), "item " + l + " of bill " + i,
                        Integer.toString(1 + random.nextInt(5)), unit.toPlainString()));
            }
            plans.add(new BillPlan(vendor.id(), "B-" + i, List.copyOf(lines), requisition));
        }
        java.util.Collections.shuffle(plans, random);

        // the FreshBooks grant every node's client starts from (valid for hours: no refresh during the test)
        TokenPair pair = fb.issueTokens();
        tokenSource(db.dataSource()).storeGrant(new OAuthTokens(pair.accessToken(), pair.refreshToken(),
                pair.createdAt().plusSeconds(pair.expiresIn()), List.of(), "Bearer"));
    }

    static BillWorld create(TestDatabase db, int billCount, int requisitionBillCount, long seed) {
        return new BillWorld(db, billCount, requisitionBillCount, seed);
    }

    /** Creates a planned bill in FreshBooks, as a user entering it would (no webhook fires by itself). */
    Bill create(BillPlan plan) {
        Bill bill = fb.seed().bill(plan.vendorId(), null, plan.number(), plan.lines());
        bills.add(bill);
        if (plan.requisition()) {
            requisitionBills.add(bill.id());
        }
        return bill;
    }

    String accountId() {
        return fb.identity().accountId();
    }

    /** A node's credential store: its own JDBC store instance over its own way into the database, encrypted. */
    CredentialStore credentialStore(DataSource dataSource) {
        return new EncryptedCredentialStore(JdbcCredentialStore.builder().dataSource(dataSource)
                .tablePrefix(db.tablePrefix()).build(), keys);
    }

    FreshBooksOAuth oauth() {
        return FreshBooksOAuth.builder().clientId(fb.clientId()).clientSecret(fb.clientSecret())
                .redirectUri(fb.redirectUri()).apiBaseUrl(fb.baseUrl()).authBaseUrl(fb.baseUrl()).build();
    }

    FreshBooksTokenSource tokenSource(DataSource dataSource) {
        return FreshBooksTokenSource.builder().oauth(oauth()).store(credentialStore(dataSource))
                .key(FreshBooksTokenSource.keyFor(CONNECTION)).build();
    }

    /** The signed {@code bill.create} webhook FreshBooks would POST for a bill, in the sandbox's own form shape. */
    WebhookRequest billCreated(long billId) {
        FreshBooksIdentity me = fb.identity();
        List<Params.Entry> form = List.of(new Params.Entry("name", "bill.create"),
                new Params.Entry("object_id", Long.toString(billId)),
                new Params.Entry("account_id", me.accountId()),
                new Params.Entry("business_id", Long.toString(me.businessId())),
                new Params.Entry("identity_id", Long.toString(me.identityId())),
                new Params.Entry("user_id", Long.toString(me.userId())));
        return WebhookRequest.of(Map.of(FreshBooksSignature.HEADER, FreshBooksSignature.sign(callbackVerifier, form)),
                Params.of(form).encode());
    }

    /** The origin id the engine must write on the Procore object of a bill. */
    String originOf(long billId) {
        return "fb:" + accountId() + ":bill:" + billId;
    }

    /** Every Procore object carrying an origin id (direct costs and requisitions of all projects). */
    List<ProcoreObject> procoreObjects() {
        List<ProcoreObject> out = new ArrayList<>();
        for (ProcoreProject p : projects) {
            pc.directCosts(p.id()).forEach(d -> out.add(new ProcoreObject("direct_cost", d.id(), d.originId(),
                    d.grandTotal())));
            pc.requisitions(p.id()).forEach(r -> out.add(new ProcoreObject("requisition", r.id(), r.originId(),
                    r.totalClaimed())));
        }
        return out;
    }

    /** How many Procore objects carry each origin id. */
    Map<String, Integer> objectsPerOrigin() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        procoreObjects().forEach(o -> counts.merge(String.valueOf(o.originId()), 1, Integer::sum));
        return counts;
    }

    @Override
    public void close() {
        try {
            fb.close();
        } finally {
            pc.close();
        }
    }

    /** A bill to create: vendor, number, lines, and whether its vendor has a commitment (→ requisition). */
    record BillPlan(long vendorId, String number, List<BillLine> lines, boolean requisition) {
    }

    /** One object in the Procore sandbox: kind, id, origin id and amount (direct cost total, requisition claimed). */
    record ProcoreObject(String kind, long id, String originId, BigDecimal total) {
    }
}
