package io.mlconnector.core.auth;

import io.mlconnector.core.error.ConnectorException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Decorator that encrypts every credential before it reaches the underlying store, with AES-256-GCM, a random
 * 96-bit nonce per save, and additional authenticated data binding the connection id and credential kind (so an
 * envelope copied to another connection or kind does not open). The envelope names its key id, so keys rotate:
 * old envelopes open with retired keys, new saves use the primary key.
 *
 * <p>Envelope: {@code 0x01 | keyIdLength(1) | keyId | nonce(12) | ciphertext+tag(16)}.
 */
public final class EncryptedCredentialStore implements CredentialStore {
    private static final byte FORMAT = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final CredentialStore delegate;
    private final KeyProvider keys;
    private final SecureRandom random;

    public EncryptedCredentialStore(CredentialStore delegate, KeyProvider keys) {
        this(delegate, keys, new SecureRandom());
    }

    public EncryptedCredentialStore(CredentialStore delegate, KeyProvider keys, SecureRandom random) {
        this.delegate = Objects.requireNonNull(delegate);
        this.keys = Objects.requireNonNull(keys);
        this.random = Objects.requireNonNull(random);
    }

    @Override
    public Optional<StoredCredential> load(CredentialKey key) {
        return delegate.load(key).map(c -> new StoredCredential(key, c.version(), open(key, c.value())));
    }

    @Override
    public StoredCredential compareAndSet(CredentialKey key, long expectedVersion, byte[] value) {
        StoredCredential saved = delegate.compareAndSet(key, expectedVersion, seal(key, value));
        return new StoredCredential(key, saved.version(), value);
    }

    @Override
    public void delete(CredentialKey key) {
        delegate.delete(key);
    }

    /** Encrypts {@code plaintext} for {@code key}'s connection and kind. */
    public byte[] seal(CredentialKey key, byte[] plaintext) {
        EncryptionKey k = keys.primary();
        byte[] id = k.id().getBytes(StandardCharsets.UTF_8);
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, k.key(), new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(aad(key));
            byte[] ct = c.doFinal(plaintext);
            return ByteBuffer.allocate(2 + id.length + NONCE_BYTES + ct.length)
                    .put(FORMAT).put((byte) id.length).put(id).put(nonce).put(ct).array();
        } catch (GeneralSecurityException e) {
            throw new CredentialCryptoException("cannot encrypt credential " + key, e);
        }
    }

    /** Decrypts an envelope sealed for {@code key}; fails if it was tampered with or sealed for another key. */
    public byte[] open(CredentialKey key, byte[] envelope) {
        try {
            ByteBuffer b = ByteBuffer.wrap(envelope);
            if (b.get() != FORMAT) {
                throw new CredentialCryptoException("unknown envelope format for " + key, null);
            }
            byte[] id = new byte[Byte.toUnsignedInt(b.get())];
            b.get(id);
            String keyId = new String(id, StandardCharsets.UTF_8);
            EncryptionKey k = keys.find(keyId)
                    .orElseThrow(() -> new CredentialCryptoException("no key '" + keyId + "' to open " + key, null));
            byte[] nonce = new byte[NONCE_BYTES];
            b.get(nonce);
            byte[] ct = new byte[b.remaining()];
            b.get(ct);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, k.key(), new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(aad(key));
            return c.doFinal(ct);
        } catch (GeneralSecurityException | RuntimeException e) {
            if (e instanceof CredentialCryptoException cce) {
                throw cce;
            }
            throw new CredentialCryptoException("cannot decrypt credential " + key
                    + " (tampered, wrong key, or sealed for another connection/kind)", e);
        }
    }

    private static byte[] aad(CredentialKey key) {
        return ("mlc-credential\0" + key.connectionId() + "\0" + key.kind()).getBytes(StandardCharsets.UTF_8);
    }

    /** An envelope could not be sealed or opened. */
    public static final class CredentialCryptoException extends ConnectorException {
        private static final long serialVersionUID = 1L;

        public CredentialCryptoException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
