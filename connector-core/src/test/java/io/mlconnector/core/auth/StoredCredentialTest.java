package io.mlconnector.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StoredCredentialTest {
    private static final CredentialKey KEY = new CredentialKey("conn-a", "procore.client");

    @Test
    void toString_neverShowsTheValue_andTheValueIsCopied() {
        byte[] secret = "client-secret-abc".getBytes(StandardCharsets.UTF_8);
        StoredCredential c = new StoredCredential(KEY, 3, secret);
        secret[0] = 'X';

        assertThat(c.toString()).doesNotContain("client-secret-abc").contains("version=3").contains("conn-a");
        assertThat(new String(c.value(), StandardCharsets.UTF_8)).isEqualTo("client-secret-abc");
        c.value()[0] = 'Y';
        assertThat(new String(c.value(), StandardCharsets.UTF_8)).isEqualTo("client-secret-abc");
        assertThat(c).isEqualTo(new StoredCredential(KEY, 3, "client-secret-abc".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void credentialKeys_mustNameAConnectionAndAKind() {
        assertThatThrownBy(() -> new CredentialKey(" ", "k")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CredentialKey("c", "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CredentialKey(null, "k")).isInstanceOf(NullPointerException.class);
    }
}
