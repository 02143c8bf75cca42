package io.mlconnector.testkit.clients;

import io.mlconnector.core.auth.CredentialStore;
import io.mlconnector.core.auth.InMemoryCredentialStore;
import io.mlconnector.procore.ProcoreClient;
import io.mlconnector.testkit.procore.ProcoreSandbox;
import io.mlconnector.testkit.time.MutableClock;

/** Real Procore clients pointed at a {@link ProcoreSandbox}, sharing the sandbox's fake clock. */
final class ProcoreConnections {
    private ProcoreConnections() {
    }

    /** A client of {@code companyId} with an encrypted credential store; waits move {@code clock}. */
    static ProcoreClient client(ProcoreSandbox pc, MutableClock clock, long companyId, ClockSleeper sleeper) {
        return builder(pc, clock, companyId, Credentials.encrypted(new InMemoryCredentialStore()), sleeper).build();
    }

    static ProcoreClient.Builder builder(ProcoreSandbox pc, MutableClock clock, long companyId, CredentialStore store,
                                         ClockSleeper sleeper) {
        return ProcoreClient.builder().apiBaseUrl(pc.baseUrl()).loginBaseUrl(pc.baseUrl()).clientId(pc.clientId())
                .clientSecret(pc.clientSecret()).companyId(companyId).credentialStore(store).clock(clock)
                .sleeper(sleeper);
    }
}
