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
 * <p>Envelope: {@code format(1) | keyIdLength(1) | keyId | nonce(12) | ciphertext+tag(16)}. Format 2 (written
 * now) authenticates the length-prefixed fields {@code "mlc-credential" | connectionId | kind}, each as a 4-byte
 * big-endian UTF-8 length and its bytes, so no two (connection, kind) pairs share additional data. Format 1 (read
 * only, for envelopes written before) joined them with NUL bytes, which two different pairs could share; an
 * envelope of format 1 is re-sealed in format 2 at its next save.
 */
public final class EncryptedCredentialStore implements CredentialStore {
    private static final byte FORMAT_NUL_JOINED = 1;
    private static final byte FORMAT = 2;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final CredentialStore delegate;
    private final KeyProvider keys;
    private final SecureRandom random;

    /**
     * Creates a {@code EncryptedCredentialStore}.
     *
     * @param delegate the delegate store
     * @param keys the keys provider
     */
    public EncryptedCredentialStore(CredentialStore delegate, KeyProvider keys) {
        this(delegate, keys, new SecureRandom());
    }

    /**
     * Creates a {@code EncryptedCredentialStore}.
     *
     * @param delegate the delegate store
     * @param keys the keys provider
     * @param random the secure random
     */
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

    /**
     * Encrypts {@code plaintext} for {@code key}'s connection and kind.
     *
     * @param key the key
     * @param plaintext the plaintext
     * @return the seal
     */
    public byte[] seal(CredentialKey key, byte[] plaintext) {
        EncryptionKey k = keys.primary();
        byte[] id = k.id().getBytes(StandardCharsets.UTF_8);
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, k.key(), new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(aad(key, FORMAT));
            byte[] ct = c.doFinal(plaintext);
            return ByteBuffer.allocate(2 + id.length + NONCE_BYTES + ct.length)
                    .put(FORMAT).put((byte) id.length).put(id).put(nonce).put(ct).array();
        } catch (GeneralSecurityException e) {
            throw new CredentialCryptoException("cannot encrypt credential " + key, e);
        }
    }

    /**
     * Decrypts an envelope sealed for {@code key}; fails if it was tampered with or sealed for another key.
     *
     * @param key the key
     * @param envelope the envelope
     * @return the byte
     */
    public byte[] open(CredentialKey key, byte[] envelope) {
        try {
            ByteBuffer b = ByteBuffer.wrap(envelope);
            byte format = b.get();
            if (format != FORMAT && format != FORMAT_NUL_JOINED) {
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
            c.updateAAD(aad(key, format));
            return c.doFinal(ct);
        } catch (GeneralSecurityException | RuntimeException e) {
            if (e instanceof CredentialCryptoException cce) {
                throw cce;
            }
            throw new CredentialCryptoException("cannot decrypt credential " + key
                    + " (tampered, wrong key, or sealed for another connection/kind)", e);
        }
    }

    private static byte[] aad(CredentialKey key, byte format) {
        if (format == FORMAT_NUL_JOINED) {
            return ("mlc-credential\0" + key.connectionId() + "\0" + key.kind()).getBytes(StandardCharsets.UTF_8);
        }
        byte[][] fields = {"mlc-credential".getBytes(StandardCharsets.UTF_8),
                key.connectionId().getBytes(StandardCharsets.UTF_8), key.kind().getBytes(StandardCharsets.UTF_8)};
        int size = 0;
        for (byte[] f : fields) {
            size += Integer.BYTES + f.length;
        }
        ByteBuffer aad = ByteBuffer.allocate(size);
        for (byte[] f : fields) {
            aad.putInt(f.length).put(f);
        }
        return aad.array();
    }

    /** An envelope could not be sealed or opened. */
    public static final class CredentialCryptoException extends ConnectorException {
        private static final long serialVersionUID = 1L;

        /**
         * Creates the exception.
         *
         * @param message what went wrong
         * @param cause the underlying failure
         */
        public CredentialCryptoException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
