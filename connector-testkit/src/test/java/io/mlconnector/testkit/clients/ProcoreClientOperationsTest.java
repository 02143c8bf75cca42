package io.mlconnector.testkit.clients;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.procore.ProcoreClient;
import io.mlconnector.procore.resource.ListOptions;
import io.mlconnector.testkit.procore.ProcoreSandbox;
import io.mlconnector.testkit.procore.ProcoreSandboxExtension;
import io.mlconnector.testkit.procore.spec.Operation;
import io.mlconnector.testkit.procore.spec.ProcoreOperations;
import io.mlconnector.testkit.server.RecordedRequest;
import io.mlconnector.testkit.time.MutableClock;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The client calls only Procore operations the facts table holds, and only ones listed in
 * {@code procore-client-operations.txt} (which therefore carry a response shape the model tests check). The client
 * tests ({@link ProcoreClientTest}, {@link ProcoreAdapterClientTest}, {@link ProcoreWebhookClientTest}) run every flow
 * under {@link ClientOperationsRecorder}; this class tests the recorder itself and the list.
 */
class ProcoreClientOperationsTest {

    private final MutableClock clock = MutableClock.at(Instant.parse("2026-03-10T12:00:00Z"));

    @RegisterExtension
    final ProcoreSandboxExtension ext = ProcoreSandboxExtension.with(ProcoreSandbox.builder().clock(clock));

    private final ProcoreOperations ops = ProcoreOperations.standard();

    private static RecordedRequest request(String method, String path) {
        return new RecordedRequest(Instant.EPOCH, method, path, null, method + " " + path, 200, Duration.ZERO);
    }

    @Test
    void aRequestThatIsNoProcoreOperation_isAViolation() {
        assertThat(ClientOperationsRecorder.violations(ops, List.of(request("GET", "/rest/v1.0/webhooks/hooks/42"))))
            .containsExactly("GET /rest/v1.0/webhooks/hooks/42: not a Procore operation");
    }

    @Test
    void aProcoreOperationTheListDoesNotName_isAViolation() {
        assertThat(ClientOperationsRecorder.violations(ops, List.of(request("POST", "/rest/v1.0/prime_contract"),
            request("GET", "/rest/v1.0/projects"))))
            .containsExactly("POST /rest/v1.0/prime_contract: RestV10PrimeContractPost is not in "
                + "procore-client-operations.txt");
    }

    @Test
    void clientFlows_callOnlyListedOperations() {
        ProcoreWorld world = ProcoreWorld.seed(ext.sandbox());
        ProcoreClient client = ProcoreConnections.client(ext.sandbox(), clock, world.acme().id(),
            new ClockSleeper(clock));
        client.companies().list().toList();
        client.companies().me();
        client.projects().list(ListOptions.defaults()).toList();
        client.vendors().list(ListOptions.defaults()).toList();
        client.costCodes().list(world.ref(), ListOptions.defaults()).toList();
        client.tokenInfo();

        List<RecordedRequest> log = ext.sandbox().requestLog().entries();
        assertThat(log).extracting(RecordedRequest::path).contains("/oauth/token", "/rest/v1.0/companies",
            "/rest/v1.0/me", "/rest/v1.0/projects", "/rest/v1.0/vendors", "/rest/v1.0/cost_codes", "/oauth/token/info");
        assertThat(ClientOperationsRecorder.violations(ops, log)).isEmpty();
    }

    @Test
    void theListIsExactlyTheOperationsTheTableRecordsAResponseFor() throws IOException {
        Set<String> listed;
        try (InputStream in = getClass().getResourceAsStream("/procore-client-operations.txt")) {
            listed = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::trim)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> withResponse = ops.all().stream().filter(o -> o.successResponse().isPresent()).map(Operation::id)
            .collect(Collectors.toCollection(TreeSet::new));
        assertThat(withResponse).as("regenerate the facts table after editing the list (README, Procore fidelity)")
            .isEqualTo(listed);
    }
}
