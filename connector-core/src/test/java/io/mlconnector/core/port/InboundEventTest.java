package io.mlconnector.core.port;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.core.model.ExternalRef;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InboundEventTest {

    @Test
    void toString_masksTheHandshakeVerifierAndOtherSecrets_butShowsTheRoutingFacts() {
        InboundEvent e = new InboundEvent("6BApk", new ExternalRef("freshbooks", "callback", "99"), "verify", null,
                null, true, Map.of("verifier", "vf-3c1d9a7e", "client_secret", "cs-77", "resource", "callback"));

        assertThat(e.toString()).doesNotContain("vf-3c1d9a7e").doesNotContain("cs-77")
                .contains("verifier=****").contains("resource=callback").contains("6BApk").contains("99");
        assertThat(e.attribute("verifier")).isEqualTo("vf-3c1d9a7e");
    }
}
