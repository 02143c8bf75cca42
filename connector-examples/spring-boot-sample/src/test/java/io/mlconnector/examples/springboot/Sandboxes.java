package io.mlconnector.examples.springboot;

import io.mlconnector.testkit.freshbooks.FreshBooksSandbox;
import io.mlconnector.testkit.procore.ProcoreSandbox;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import org.springframework.test.context.DynamicPropertyRegistry;

/** The sample's settings pointing at the sandboxes, as an operator would set them for FreshBooks and Procore. */
final class Sandboxes {
    /** The operator token of the console in the tests. */
    static final String OPERATOR_TOKEN = "operator-token-" + UUID.randomUUID();

    private Sandboxes() {
    }

    static void register(DynamicPropertyRegistry registry, FreshBooksSandbox fb, ProcoreSandbox pc) {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:sample-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        registry.add("mlconnector.credential-key", () -> Base64.getEncoder().encodeToString(key));
        registry.add("mlconnector.freshbooks.client-id", fb::clientId);
        registry.add("mlconnector.freshbooks.client-secret", fb::clientSecret);
        registry.add("mlconnector.freshbooks.redirect-uri", fb::redirectUri);
        registry.add("mlconnector.freshbooks.api-base-url", fb::baseUrl);
        registry.add("mlconnector.freshbooks.auth-base-url", fb::baseUrl);
        registry.add("mlconnector.procore.client-id", pc::clientId);
        registry.add("mlconnector.procore.client-secret", pc::clientSecret);
        registry.add("mlconnector.procore.api-base-url", pc::baseUrl);
        registry.add("mlconnector.procore.login-base-url", pc::baseUrl);
        registry.add("mlconnector.console.token", () -> OPERATOR_TOKEN);
    }
}
