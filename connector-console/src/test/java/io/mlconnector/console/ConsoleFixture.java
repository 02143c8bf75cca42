package io.mlconnector.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.core.audit.InMemoryAuditLog;
import io.mlconnector.core.mapping.InMemoryMappingStore;
import io.mlconnector.core.mapping.Mapping;
import io.mlconnector.core.mapping.MappingKind;
import io.mlconnector.core.mapping.MappingStatus;
import io.mlconnector.core.model.GlAccount;
import io.mlconnector.core.model.ProjectRef;
import io.mlconnector.core.model.SourceDocument;
import io.mlconnector.core.model.Vendor;
import io.mlconnector.core.operator.OperatorService;
import io.mlconnector.core.state.InMemorySyncStateStore;
import io.mlconnector.core.sync.Connection;
import io.mlconnector.core.sync.SyncEngine;
import io.mlconnector.core.sync.SyncPolicy;
import io.mlconnector.core.testing.MutableClock;
import io.mlconnector.core.webhook.SharedSecretHeaderVerifier;
import io.mlconnector.testkit.ports.InMemoryAccountingSystem;
import io.mlconnector.testkit.ports.InMemoryProjectSystem;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One connection "acme" over the in-memory ports: a vendor "Lone Pine Framing" whose Procore counterpart is only a
 * stored SUGGESTED mapping, a commitment for it on project Tower, and a console in front of the engine.
 */
final class ConsoleFixture {
    static final String CONNECTION = "acme";
    static final String TOKEN = "operator-token-0123456789-abcdef";

    final MutableClock clock = MutableClock.at("2024-05-15T12:00:00Z");
    final InMemoryAccountingSystem fb = new InMemoryAccountingSystem("ACC1", clock);
    final InMemoryProjectSystem pc = new InMemoryProjectSystem(42, clock);
    final InMemoryMappingStore mappings = new InMemoryMappingStore();
    final InMemoryAuditLog audit = new InMemoryAuditLog();
    final SyncEngine engine;
    final Vendor lonePine;
    final Vendor pcLonePine;
    final GlAccount concrete;
    final ProjectRef tower;

    ConsoleFixture() {
        fb.listChangedOverlap(Duration.ZERO);
        tower = pc.addProject("Tower");
        concrete = fb.addGlAccount("Concrete materials", "5100");
        lonePine = fb.addVendor("Lone Pine Framing");
        pcLonePine = pc.addVendor("Lone Pine Framing LLC", null);
        mappings.put(Mapping.confirmed(CONNECTION, MappingKind.GL_ACCOUNT, concrete.ref().id(), "03-300"));
        mappings.put(Mapping.confirmed(CONNECTION, MappingKind.VENDOR_PROJECT, lonePine.ref().id(),
                String.valueOf(tower.projectId())));
        mappings.put(new Mapping(CONNECTION, MappingKind.VENDOR, lonePine.ref().id(), pcLonePine.ref().id(),
                Map.of("targetName", "Lone Pine Framing LLC"), MappingStatus.SUGGESTED, null, clock.instant()));
        pc.commitment(tower, pcLonePine.ref().id()).number("SC-9").line("03-300", "M", "Framing", "50000").save();
        SharedSecretHeaderVerifier verifier = SharedSecretHeaderVerifier.builder().headerName("Authorization")
                .prefix("Bearer ").secret("hook-secret-hook-secret").build();
        engine = SyncEngine.builder().stateStore(new InMemorySyncStateStore()).mappingStore(mappings)
                .auditSink(audit).clock(clock).executor(Runnable::run).nodeId("node-a")
                .connection(Connection.builder().id(CONNECTION).accounting(fb).projects(pc)
                        .accountingVerifier(verifier).projectVerifier(verifier)
                        .policy(SyncPolicy.builder().backoffBase(Duration.ofSeconds(1)).build()).build())
                .build();
    }

    OperatorService service() {
        return OperatorService.builder().engine(engine).mappingStore(mappings).auditSink(audit).clock(clock).build();
    }

    OperatorConsole console(StoredReports reports) {
        return OperatorConsole.builder().service(service()).guard(OperatorGuard.bearer(TOKEN)).storedReports(reports)
                .build();
    }

    /** A bill of Lone Pine Framing, seen by a poll and flagged (its vendor mapping is only suggested). */
    SourceDocument flaggedBill() {
        SourceDocument bill = fb.bill(lonePine.ref().id()).number("B-7").issued(LocalDate.of(2024, 5, 10))
                .line(concrete.ref().id(), "studs", "1200.00").save();
        clock.advance(Duration.ofMinutes(1));
        engine.pollOnce(CONNECTION);
        engine.drain();
        assertThat(engine.ledger(CONNECTION, bill.ref().key())).isPresent();
        return bill;
    }

    static Request get(String path) {
        return new Request("GET", path);
    }

    static Request post(String path, String json) {
        return new Request("POST", path).header("Content-Type", "application/json").body(json);
    }

    /** A request from a loopback browser tab of the console, with the token, unless changed. */
    static final class Request {
        private final String method;
        private final String path;
        private String query = "";
        private final Map<String, List<String>> headers = new LinkedHashMap<>();
        private byte[] body = new byte[0];
        private InetAddress remote = InetAddress.getLoopbackAddress();

        Request(String method, String path) {
            this.method = method;
            int q = path.indexOf('?');
            this.path = q < 0 ? path : path.substring(0, q);
            this.query = q < 0 ? "" : path.substring(q + 1);
            header("Host", "localhost:8080");
            header("Authorization", "Bearer " + TOKEN);
        }

        Request header(String name, String value) {
            if (value == null) {
                headers.remove(name);
            } else {
                headers.put(name, List.of(value));
            }
            return this;
        }

        Request body(String json) {
            this.body = json.getBytes(StandardCharsets.UTF_8);
            return this;
        }

        Request from(InetAddress address) {
            this.remote = address;
            return this;
        }

        ConsoleRequest build() {
            return new ConsoleRequest(method, path, query, headers, body, remote);
        }
    }
}
