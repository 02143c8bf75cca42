package io.mlconnector.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mlconnector.core.auth.EncryptedCredentialStore.CredentialCryptoException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EncryptedCredentialStoreTest {
    private static final CredentialKey KEY = new CredentialKey("conn-a", "freshbooks.oauth");
    private static final String SECRET = "refresh-token-6f1c2b9e";

    private final InMemoryCredentialStore raw = new InMemoryCredentialStore();
    private final EncryptionKey k1 = EncryptionKey.aes256("k1", bytes(1));
    private final EncryptionKey k2 = EncryptionKey.aes256("k2", bytes(2));
    private final EncryptedCredentialStore store = new EncryptedCredentialStore(raw, StaticKeyProvider.of(k1));

    private static byte[] bytes(int seed) {
        byte[] b = new byte[32];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (seed * 31 + i);
        }
        return b;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private byte[] envelope(CredentialKey key) {
        return raw.load(key).orElseThrow().value();
    }

    /** Replaces the stored envelope of {@code key} underneath the encrypting store. */
    private void overwriteRaw(CredentialKey key, byte[] envelope) {
        long version = raw.load(key).map(StoredCredential::version).orElse(0L);
        raw.compareAndSet(key, version, envelope);
    }

    @Test
    void roundTrip_returnsThePlaintext_andTheDelegateHoldsOnlyCiphertext() {
        StoredCredential saved = store.compareAndSet(KEY, 0, utf8(SECRET));

        assertThat(saved.value()).isEqualTo(utf8(SECRET));
        assertThat(saved.version()).isEqualTo(1);
        StoredCredential loaded = store.load(KEY).orElseThrow();
        assertThat(new String(loaded.value(), StandardCharsets.UTF_8)).isEqualTo(SECRET);
        assertThat(loaded.version()).isEqualTo(1);

        byte[] env = envelope(KEY);
        assertThat(contains(env, utf8(SECRET))).isFalse();
        assertThat(contains(env, utf8("refresh-token"))).isFalse();
        // format 2 | key id length | key id | 12-byte nonce | ciphertext + 16-byte tag
        assertThat(env[0]).isEqualTo((byte) 2);
        assertThat(env[1]).isEqualTo((byte) 2);
        assertThat(new String(env, 2, 2, StandardCharsets.UTF_8)).isEqualTo("k1");
        assertThat(env).hasSize(1 + 1 + 2 + 12 + SECRET.length() + 16);
    }

    @Test
    void sealingTheSamePlaintextTwice_usesAFreshNonce() {
        byte[] a = store.seal(KEY, utf8(SECRET));
        byte[] b = store.seal(KEY, utf8(SECRET));

        assertThat(a).isNotEqualTo(b);
        assertThat(Arrays.copyOfRange(a, 4, 16)).isNotEqualTo(Arrays.copyOfRange(b, 4, 16));
        assertThat(store.open(KEY, a)).isEqualTo(utf8(SECRET));
        assertThat(store.open(KEY, b)).isEqualTo(utf8(SECRET));
    }

    @Test
    void tamperedCiphertext_failsWithATypedException() {
        store.compareAndSet(KEY, 0, utf8(SECRET));
        byte[] env = envelope(KEY);
        env[20] ^= 0x01; // inside the ciphertext
        overwriteRaw(KEY, env);

        assertThatThrownBy(() -> store.load(KEY))
                .isInstanceOf(CredentialCryptoException.class)
                .hasMessageContaining("conn-a")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void everyTamperedByte_isDetected() {
        byte[] env = store.seal(KEY, utf8(SECRET));
        // from the key id onwards: key id, nonce, ciphertext and tag are all authenticated or looked up
        for (int i = 2; i < env.length; i++) {
            byte[] bad = env.clone();
            bad[i] ^= (byte) 0x80;
            int index = i;
            assertThatThrownBy(() -> store.open(KEY, bad)).as("byte %d", index)
                    .isInstanceOf(CredentialCryptoException.class);
        }
    }

    @Test
    void truncatedOrForeignEnvelopes_failWithATypedException() {
        byte[] env = store.seal(KEY, utf8(SECRET));

        assertThatThrownBy(() -> store.open(KEY, Arrays.copyOf(env, env.length - 1)))
                .isInstanceOf(CredentialCryptoException.class);
        assertThatThrownBy(() -> store.open(KEY, Arrays.copyOf(env, 10)))
                .isInstanceOf(CredentialCryptoException.class);
        assertThatThrownBy(() -> store.open(KEY, new byte[0])).isInstanceOf(CredentialCryptoException.class);
        byte[] otherFormat = env.clone();
        otherFormat[0] = 3;
        assertThatThrownBy(() -> store.open(KEY, otherFormat))
                .isInstanceOf(CredentialCryptoException.class).hasMessageContaining("format");
        assertThatThrownBy(() -> store.open(KEY, utf8("plaintext left over from before encryption")))
                .isInstanceOf(CredentialCryptoException.class);
    }

    @Test
    void envelopeCopiedToAnotherConnection_doesNotOpen() {
        CredentialKey other = new CredentialKey("conn-b", KEY.kind());
        store.compareAndSet(KEY, 0, utf8(SECRET));
        overwriteRaw(other, envelope(KEY));

        assertThatThrownBy(() -> store.load(other)).isInstanceOf(CredentialCryptoException.class);
        assertThat(store.load(KEY).orElseThrow().value()).isEqualTo(utf8(SECRET));
    }

    @Test
    void envelopeCopiedToAnotherKind_doesNotOpen() {
        CredentialKey other = new CredentialKey(KEY.connectionId(), "procore.client");
        store.compareAndSet(KEY, 0, utf8(SECRET));
        overwriteRaw(other, envelope(KEY));

        assertThatThrownBy(() -> store.load(other)).isInstanceOf(CredentialCryptoException.class);
    }

    @Test
    void aadCannotBeForgedByShiftingTheSeparator() {
        // "a" + "bc" and "ab" + "c" must authenticate differently
        byte[] env = store.seal(new CredentialKey("a", "bc"), utf8(SECRET));

        assertThatThrownBy(() -> store.open(new CredentialKey("ab", "c"), env))
                .isInstanceOf(CredentialCryptoException.class);
    }

    @Test
    void aadCannotBeForgedWithANulInsideAnId() {
        // NUL-joined data would be "mlc-credential\0a\0b\0c" for both keys: the envelope must not move between them
        byte[] env = store.seal(new CredentialKey("a\0b", "c"), utf8(SECRET));

        assertThatThrownBy(() -> store.open(new CredentialKey("a", "b\0c"), env))
                .isInstanceOf(CredentialCryptoException.class);
        assertThat(store.open(new CredentialKey("a\0b", "c"), env)).isEqualTo(utf8(SECRET));
    }

    @Test
    void envelopesOfTheNulJoinedFormat_stillOpen_andTheNextSaveUsesTheNewFormat() throws Exception {
        // an envelope as the earlier release wrote it: format 1, AAD joined with NUL bytes
        byte[] nonce = new byte[12];
        java.util.Arrays.fill(nonce, (byte) 7);
        javax.crypto.Cipher c = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
        c.init(javax.crypto.Cipher.ENCRYPT_MODE, k1.key(), new javax.crypto.spec.GCMParameterSpec(128, nonce));
        c.updateAAD(("mlc-credential\0" + KEY.connectionId() + "\0" + KEY.kind()).getBytes(StandardCharsets.UTF_8));
        byte[] ct = c.doFinal(utf8(SECRET));
        byte[] id = utf8(k1.id());
        byte[] old = java.nio.ByteBuffer.allocate(2 + id.length + 12 + ct.length)
                .put((byte) 1).put((byte) id.length).put(id).put(nonce).put(ct).array();
        overwriteRaw(KEY, old);

        StoredCredential loaded = store.load(KEY).orElseThrow();
        assertThat(loaded.value()).isEqualTo(utf8(SECRET));
        store.compareAndSet(KEY, loaded.version(), utf8(SECRET + "-rotated"));
        assertThat(envelope(KEY)[0]).isEqualTo((byte) 2);
        assertThat(store.load(KEY).orElseThrow().value()).isEqualTo(utf8(SECRET + "-rotated"));
    }

    @Test
    void rotatedKey_stillOpensOldEnvelopes_andNewSavesUseTheNewKey() {
        store.compareAndSet(KEY, 0, utf8(SECRET));
        EncryptedCredentialStore rotated = new EncryptedCredentialStore(raw,
                StaticKeyProvider.builder().primary(k2).retired(k1).build());

        StoredCredential old = rotated.load(KEY).orElseThrow();
        assertThat(old.value()).isEqualTo(utf8(SECRET));

        rotated.compareAndSet(KEY, old.version(), utf8("rotated-refresh-token"));

        byte[] env = envelope(KEY);
        assertThat(new String(env, 2, env[1], StandardCharsets.UTF_8)).isEqualTo("k2");
        assertThat(rotated.load(KEY).orElseThrow().value()).isEqualTo(utf8("rotated-refresh-token"));
        // once every envelope is re-sealed, the old key can go
        EncryptedCredentialStore onlyNew = new EncryptedCredentialStore(raw, StaticKeyProvider.of(k2));
        assertThat(onlyNew.load(KEY).orElseThrow().value()).isEqualTo(utf8("rotated-refresh-token"));
    }

    @Test
    void envelopeSealedWithARemovedKey_failsNamingTheKeyId() {
        store.compareAndSet(KEY, 0, utf8(SECRET));
        EncryptedCredentialStore onlyNew = new EncryptedCredentialStore(raw, StaticKeyProvider.of(k2));

        assertThatThrownBy(() -> onlyNew.load(KEY))
                .isInstanceOf(CredentialCryptoException.class)
                .hasMessageContaining("'k1'");
    }

    @Test
    void sameKeyIdWithOtherKeyMaterial_doesNotOpen() {
        store.compareAndSet(KEY, 0, utf8(SECRET));
        EncryptedCredentialStore impostor = new EncryptedCredentialStore(raw,
                StaticKeyProvider.of(EncryptionKey.aes256("k1", bytes(9))));

        assertThatThrownBy(() -> impostor.load(KEY)).isInstanceOf(CredentialCryptoException.class);
    }

    @Test
    void versionsAndConflicts_passThroughTheDecorator() {
        store.compareAndSet(KEY, 0, utf8("v1"));

        assertThatThrownBy(() -> store.compareAndSet(KEY, 0, utf8("v1-again")))
                .isInstanceOf(CredentialConflictException.class);
        assertThat(store.compareAndSet(KEY, 1, utf8("v2")).version()).isEqualTo(2);
        assertThat(raw.load(KEY).orElseThrow().version()).isEqualTo(2);
        store.delete(KEY);
        assertThat(raw.load(KEY)).isEmpty();
    }

    @Test
    void keys_maskTheirMaterial_andRejectWrongSizes() {
        assertThat(k1.toString()).contains("k1").doesNotContain("SecretKeySpec");
        assertThatThrownBy(() -> EncryptionKey.aes256("short", new byte[16])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EncryptionKey.aes256("", new byte[32])).isInstanceOf(IllegalArgumentException.class);
        // 32 bytes 0x00..0x1f, Base64 computed independently
        EncryptionKey fromEnv = EncryptionKey.fromBase64("env", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
        assertThat(fromEnv.key().getEncoded()).hasSize(32).startsWith(0, 1, 2).endsWith(31);
        assertThatThrownBy(() -> StaticKeyProvider.builder().retired(k1).build()).isInstanceOf(IllegalStateException.class);
    }
}
