package io.mlconnector.testkit.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.mlconnector.core.auth.InMemoryCredentialStore;
import io.mlconnector.core.auth.StoredCredential;
import io.mlconnector.core.model.ProjectRef;
import io.mlconnector.core.port.InvalidProjectException;
import io.mlconnector.procore.ProcoreClient;
import io.mlconnector.procore.model.BillingPeriod;
import io.mlconnector.procore.model.CommitmentContract;
import io.mlconnector.procore.model.Company;
import io.mlconnector.procore.model.ContractLineItem;
import io.mlconnector.procore.model.LineItemType;
import io.mlconnector.procore.model.ProcoreCostCode;
import io.mlconnector.procore.model.ProcoreProject;
import io.mlconnector.procore.model.ProcoreVendor;
import io.mlconnector.procore.model.TokenInfo;
import io.mlconnector.procore.request.BillingPeriodInput;
import io.mlconnector.procore.request.VendorInput;
import io.mlconnector.procore.resource.CommitmentType;
import io.mlconnector.procore.resource.ListOptions;
import io.mlconnector.procore.scope.CompanyMismatchException;
import io.mlconnector.testkit.procore.ProcoreSandbox;
import io.mlconnector.testkit.procore.ProcoreSandboxExtension;
import io.mlconnector.testkit.support.TestHttp;
import io.mlconnector.testkit.time.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Procore client's read and write paths against the stateful sandbox: client-credentials token, companies,
 * projects, vendors, cost codes and cost types, commitments with SOV lines, billing periods, paging by {@code Link},
 * and the company/project checks on both sides (client before sending, sandbox on the wire).
 */
class ProcoreClientTest {
    private final MutableClock clock = MutableClock.at(Instant.parse("2026-03-02T15:00:00Z"));

    @RegisterExtension
    final ProcoreSandboxExtension ext = ProcoreSandboxExtension.with(ProcoreSandbox.builder().clock(clock));

    @RegisterExtension
    final ClientOperationsRecorder clientOperations = ClientOperationsRecorder.of(ext);

    private ProcoreSandbox pc;
    private ProcoreWorld world;
    private ProcoreClient client;

    @BeforeEach
    void setUp() {
        pc = ext.sandbox();
        world = ProcoreWorld.seed(pc);
        client = ProcoreConnections.client(pc, clock, world.acme().id(), new ClockSleeper(clock));
    }

    @Test
    void clientCredentials_oneTokenServesManyCalls_andSecretAndTokenAreStoredEncrypted() {
        InMemoryCredentialStore backing = new InMemoryCredentialStore();
        ProcoreClient c = ProcoreConnections.builder(pc, clock, world.acme().id(), Credentials.encrypted(backing),
                new ClockSleeper(clock)).build();

        assertThat(c.companies().list().map(Company::name)).contains("Acme GC");
        assertThat(c.projects().list(ListOptions.defaults()).map(ProcoreProject::name)).containsExactly("Tower A");
        TokenInfo info = c.tokenInfo();

        assertThat(pc.tokenRequestCount()).isEqualTo(1);
        assertThat(info.application().uid()).isEqualTo(pc.clientId());
        assertThat(info.resourceOwnerId()).isEqualTo(pc.serviceAccountUserId());
        assertThat(info.expiresInSeconds()).isEqualTo(5400);
        assertThat(c.companies().me().id()).isEqualTo(pc.serviceAccountUserId());
        List<StoredCredential> stored = List.of(
                backing.load(new io.mlconnector.core.auth.CredentialKey("procore-" + world.acme().id(), "procore.client"))
                        .orElseThrow(),
                backing.load(new io.mlconnector.core.auth.CredentialKey("procore-" + world.acme().id(), "procore.token"))
                        .orElseThrow());
        for (StoredCredential s : stored) {
            String raw = new String(s.value(), StandardCharsets.ISO_8859_1);
            assertThat(raw).doesNotContain(pc.clientSecret()).doesNotContain("access_token").doesNotContain("pc_");
        }

        // a restarted node: no secret in its configuration, the stored one and the still-fresh token are used
        ProcoreClient restarted = ProcoreClient.builder().apiBaseUrl(pc.baseUrl()).loginBaseUrl(pc.baseUrl())
                .companyId(world.acme().id()).credentialStore(Credentials.encrypted(backing)).clock(clock)
                .sleeper(new ClockSleeper(clock)).build();
        assertThat(restarted.clientId()).isEqualTo(pc.clientId());
        assertThat(restarted.projects().list(ListOptions.defaults()).count()).isEqualTo(1);
        assertThat(pc.tokenRequestCount()).isEqualTo(1);
    }

    @Test
    void projectsVendorsCostCodesAndCostTypes_readAsTypedRecords() {
        ProcoreProject tower = client.projects().get(world.tower().id());
        assertThat(tower.name()).isEqualTo("Tower A");
        assertThat(tower.company().id()).isEqualTo(world.acme().id());

        assertThat(client.vendors().list(ListOptions.defaults())).extracting(ProcoreVendor::id, ProcoreVendor::name)
                .containsExactly(tuple(world.vendor().id(), "Rebar Inc"));
        assertThat(client.vendors().findByOriginId("fb:6BApk:vendor:88213")).map(ProcoreVendor::id)
                .contains(world.vendor().id());
        assertThat(client.vendors().findByOriginId("fb:6BApk:vendor:1")).isEmpty();

        List<ProcoreCostCode> codes = client.costCodes().list(world.ref(), ListOptions.defaults()).toList();
        assertThat(codes).extracting(ProcoreCostCode::fullCode).contains("03", "03-300", "05", "05-100");
        ProcoreCostCode concrete = client.costCodes().get(world.ref(), world.concrete().id());
        assertThat(concrete.code()).isEqualTo("300");
        assertThat(concrete.name()).isEqualTo("Cast-in-Place Concrete");
        assertThat(concrete.parent()).isNotNull();

        assertThat(client.costCodes().listLineItemTypes(ListOptions.defaults()))
                .extracting(LineItemType::name, LineItemType::code, LineItemType::baseType)
                .containsExactly(tuple("Materials", "M", "materials"), tuple("Labor", "L", "labor"));
    }

    @Test
    void vendors_createUpdate_andListAcrossPagesByLinkHeader() {
        for (int i = 1; i <= 4; i++) {
            pc.seed().vendor(world.acme().id(), "Supplier " + i);
        }
        ProcoreVendor created = client.vendors().create(VendorInput.of("Acme Plumbing", "fb:6BApk:vendor:7", "V-0007"));
        assertThat(created.originId()).isEqualTo("fb:6BApk:vendor:7");
        assertThat(created.originCode()).isEqualTo("V-0007");
        clock.advance(Duration.ofMinutes(2));
        ProcoreVendor renamed = client.vendors().update(created.id(), VendorInput.of("Acme Plumbing LLC", null, null));
        assertThat(renamed.name()).isEqualTo("Acme Plumbing LLC");
        assertThat(renamed.originId()).isEqualTo("fb:6BApk:vendor:7");

        long before = pc.requestLog().count("GET", "/rest/v1.0/vendors");
        List<ProcoreVendor> all = client.vendors().list(ListOptions.defaults().withPerPage(2)).toList();

        assertThat(all).hasSize(6).extracting(ProcoreVendor::id).doesNotHaveDuplicates();
        assertThat(pc.requestLog().count("GET", "/rest/v1.0/vendors") - before).isEqualTo(3);
        assertThat(client.vendors().list(ListOptions.updatedBetween(clock.instant().minusSeconds(30), clock.instant()))
                .map(ProcoreVendor::id)).containsExactly(created.id());
        assertThat(pc.vendors(world.acme().id())).extracting(v -> v.name()).contains("Acme Plumbing LLC");
    }

    @Test
    void commitmentsWithSovLines_andBillingPeriods() {
        List<CommitmentContract> subs = client.commitments().list(world.ref(), CommitmentType.WORK_ORDER,
                ListOptions.defaults()).toList();
        assertThat(subs).extracting(CommitmentContract::id).containsExactly(world.commitment().id());
        assertThat(client.commitments().list(world.ref(), CommitmentType.PURCHASE_ORDER, ListOptions.defaults()))
                .isEmpty();

        CommitmentContract sub = client.commitments().get(world.ref(), CommitmentType.WORK_ORDER,
                world.commitment().id());
        assertThat(sub.status()).isEqualTo("Approved");
        assertThat(sub.requisitionsAreEnabled()).isTrue();
        assertThat(sub.vendor().id()).isEqualTo(world.vendor().id());
        assertThat(sub.grandTotal()).isEqualByComparingTo("70000.00");
        assertThat(sub.lineItems()).extracting(l -> l.costCode().fullCode(), l -> l.lineItemType().code())
                .containsExactly(tuple("03-300", "M"), tuple("05-100", "L"));
        assertThat(sub.lineItems()).extracting(ContractLineItem::value)
                .usingComparatorForType(java.math.BigDecimal::compareTo, java.math.BigDecimal.class)
                .containsExactly(new java.math.BigDecimal("50000"), new java.math.BigDecimal("20000"));
        assertThat(client.commitments().listAll(world.ref()).count()).isEqualTo(1);

        List<BillingPeriod> periods = client.requisitions().billingPeriods(world.ref(), ListOptions.defaults()).toList();
        assertThat(periods).extracting(BillingPeriod::id, BillingPeriod::isOpen)
                .containsExactly(tuple(world.march().id(), true));
        assertThat(periods.get(0).covers(LocalDate.of(2026, 3, 15))).isTrue();
        BillingPeriod april = client.requisitions().createBillingPeriod(world.ref(), new BillingPeriodInput(
                LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 30), LocalDate.of(2026, 5, 10), "open"));
        assertThat(april.startDate()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(client.requisitions().billingPeriods(world.ref(), ListOptions.defaults()).count()).isEqualTo(2);
    }

    @Test
    void writes_projectCostCodesCostTypeCommitmentAndChangeOrder_landInTheSandbox() {
        ProcoreProject depot = client.projects().create(io.mlconnector.procore.request.ProjectInput.of("Depot",
                "fb:6BApk:project:12"));
        assertThat(pc.projects(world.acme().id())).extracting(p -> p.name(), p -> p.originId())
                .contains(tuple("Depot", "fb:6BApk:project:12"));
        ProjectRef depotRef = new ProjectRef(world.acme().id(), depot.id());
        // the new project is usable at once: the client remembered it instead of reloading the list
        long projectLists = pc.requestLog().count("GET", "/rest/v1.0/projects");
        var synced = client.costCodes().sync(depotRef, List.of(
                new io.mlconnector.procore.request.CostCodeInput(null, "01", "General", null, null, null, "cc-01", null),
                new io.mlconnector.procore.request.CostCodeInput(424242L, "02", "Ghost", null, null, null, null, null)),
                1000);
        assertThat(pc.requestLog().count("GET", "/rest/v1.0/projects")).isEqualTo(projectLists);
        assertThat(synced.entities()).extracting(ProcoreCostCode::code, ProcoreCostCode::originId)
                .containsExactly(tuple("01", "cc-01"));
        assertThat(synced.failures()).singleElement().satisfies(f -> assertThat(f.id()).isEqualTo(424242L));
        LineItemType equipment = client.costCodes().createLineItemType(new io.mlconnector.procore.request
                .LineItemTypeInput(null, "Equipment", "E", "equipment", "lit-e", null));
        assertThat(equipment.code()).isEqualTo("E");

        CommitmentContract po = client.commitments().create(world.ref(), CommitmentType.PURCHASE_ORDER,
                new io.mlconnector.procore.request.ContractInput(world.vendor().id(), "Rebar supply", null, "Draft",
                        false, null, null, null, null, "fb:6BApk:po:9", null, null, null));
        client.commitments().createLineItem(world.ref(), CommitmentType.PURCHASE_ORDER, po.id(),
                new io.mlconnector.procore.request.ContractLineItemInput(null, new java.math.BigDecimal("12000.00"),
                        world.rebar().id(), world.materials().id(), null, "Rebar #5", null, null, null, null, null,
                        null, null));
        CommitmentContract approved = client.commitments().update(world.ref(), CommitmentType.PURCHASE_ORDER, po.id(),
                new io.mlconnector.procore.request.ContractInput(null, null, null, "Approved", true, null, null, null,
                        null, null, null, null, null));
        assertThat(approved.status()).isEqualTo("Approved");
        assertThat(client.commitments().get(world.ref(), CommitmentType.PURCHASE_ORDER, po.id()).grandTotal())
                .isEqualByComparingTo("12000.00");
        assertThat(client.commitments().list(world.ref(), CommitmentType.PURCHASE_ORDER,
                ListOptions.originId("fb:6BApk:po:9")).map(CommitmentContract::id)).containsExactly(po.id());

        var pkg = client.changeOrders().createPackage(world.ref(), po.id(), new io.mlconnector.procore.request
                .ChangeOrderPackageInput("draft", "More rebar", null, new java.math.BigDecimal("800.00"), null, null,
                null, null, null, "CO-1", null));
        assertThat(pkg.contractId()).isEqualTo(po.id());
        assertThat(pkg.grandTotal()).isEqualByComparingTo("800.00");
        assertThat(pc.changeOrderPackages(world.tower().id())).extracting(p -> p.title()).containsExactly("More rebar");
    }

    @Test
    void inactiveVendors_areListedSeparately() {
        pc.updateVendor(world.vendor().id(), java.util.Map.of("is_active", false));

        assertThat(client.vendors().list(ListOptions.defaults())).isEmpty();
        assertThat(client.vendors().listInactive().map(ProcoreVendor::id)).containsExactly(world.vendor().id());
    }

    @Test
    void projectOfAnotherCompany_isRefusedByTheClientBeforeAnyRequest() {
        client.projects().list(ListOptions.defaults()).toList(); // warms the project cache
        long requests = pc.requestLog().total();

        assertThatThrownBy(() -> client.costCodes().list(new ProjectRef(world.other().id(), world.elsewhere().id()),
                ListOptions.defaults()).toList()).isInstanceOf(CompanyMismatchException.class);
        assertThat(pc.requestLog().total()).isEqualTo(requests);

        // the other company's project id under our company: unknown here → one reload of the list, no 404 round trip
        assertThatThrownBy(() -> client.costCodes().list(new ProjectRef(world.acme().id(), world.elsewhere().id()),
                ListOptions.defaults()).toList()).isInstanceOf(InvalidProjectException.class);
        assertThat(pc.requestLog().entries(r -> r.path().equals("/rest/v1.0/cost_codes"))).isEmpty();
    }

    @Test
    void sandboxRefusesWhatProcoreRefuses_missingCompanyHeader_foreignCompany_foreignProject() {
        TestHttp http = new TestHttp(pc.baseUrl());
        String bearer = "Bearer " + pc.issueToken();

        TestHttp.Resp noHeader = http.get("/rest/v1.0/projects?company_id=" + world.acme().id(), "Authorization", bearer);
        assertThat(noHeader.status()).isEqualTo(400);
        assertThat(noHeader.body()).startsWith("Missing Procore-Company-Id header!");

        TestHttp.Resp notInstalled = http.get("/rest/v1.0/projects?company_id=999", "Authorization", bearer,
                "Procore-Company-Id", "999");
        assertThat(notInstalled.status()).isEqualTo(403);

        TestHttp.Resp foreignProject = http.get("/rest/v1.0/cost_codes?project_id=" + world.elsewhere().id(),
                "Authorization", bearer, "Procore-Company-Id", Long.toString(world.acme().id()));
        assertThat(foreignProject.status()).isEqualTo(404);

        TestHttp.Resp noToken = http.get("/rest/v1.0/projects?company_id=" + world.acme().id(),
                "Procore-Company-Id", Long.toString(world.acme().id()));
        assertThat(noToken.status()).isEqualTo(401);

        // every call the client made carried the header: none of them was refused for it
        client.projects().list(ListOptions.defaults()).toList();
        client.companies().list().toList();
        client.companies().me();
        assertThat(pc.requestLog().entries(r -> r.status() == 400 || r.status() == 403)).hasSize(2);
    }
}
