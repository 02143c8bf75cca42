package io.mlconnector.core.auth;

import io.mlconnector.core.error.ConfigurationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Base64;
import java.util.Optional;

/**
 * {@link CredentialStore} keeping one file per credential in a directory. Writes go to a temporary file that is
 * atomically moved into place, so a crash never leaves a half-written credential. Stores whatever bytes it is
 * given: wrap it in {@link EncryptedCredentialStore} so the files hold ciphertext only. Safe for concurrent use
 * within one JVM.
 */
public final class FileCredentialStore implements CredentialStore {
    private final Path directory;
    private final Object lock = new Object();

    public FileCredentialStore(Path directory) {
        this.directory = directory;
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new ConfigurationException("cannot create credential directory " + directory, e);
        }
    }

    @Override
    public Optional<StoredCredential> load(CredentialKey key) {
        synchronized (lock) {
            return read(key);
        }
    }

    @Override
    public StoredCredential compareAndSet(CredentialKey key, long expectedVersion, byte[] value) {
        synchronized (lock) {
            long actual = read(key).map(StoredCredential::version).orElse(0L);
            if (actual != expectedVersion) {
                throw new CredentialConflictException(key, expectedVersion, actual);
            }
            StoredCredential next = new StoredCredential(key, expectedVersion + 1, value);
            String content = next.version() + "\n" + Base64.getEncoder().encodeToString(value) + "\n";
            Path target = file(key);
            Path tmp = null;
            try {
                tmp = Files.createTempFile(directory, ".cred", ".tmp");
                Files.writeString(tmp, content, StandardCharsets.US_ASCII);
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
                tmp = null;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write credential " + key, e);
            } finally {
                if (tmp != null) {
                    deleteQuietly(tmp);
                }
            }
            return next;
        }
    }

    @Override
    public void delete(CredentialKey key) {
        synchronized (lock) {
            try {
                Files.deleteIfExists(file(key));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete credential " + key, e);
            }
        }
    }

    private Optional<StoredCredential> read(CredentialKey key) {
        String content;
        try {
            content = Files.readString(file(key), StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (CharacterCodingException e) {
            throw corrupt(key, "not an ASCII credential file");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read credential " + key, e);
        }
        // format: "<version>\n<base64 value>\n"; the value line is empty for an empty credential
        String[] parts = content.split("\n", -1);
        if (parts.length < 2) {
            throw corrupt(key, "expected a version line and a value line");
        }
        long version;
        try {
            version = Long.parseLong(parts[0].trim());
        } catch (NumberFormatException e) {
            throw corrupt(key, "bad version line");
        }
        if (version < 1) {
            throw corrupt(key, "version must be positive");
        }
        try {
            return Optional.of(new StoredCredential(key, version, Base64.getDecoder().decode(parts[1].trim())));
        } catch (IllegalArgumentException e) {
            throw corrupt(key, "value line is not Base64");
        }
    }

    private static void deleteQuietly(Path tmp) {
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
            // best effort: the failed write is already being reported
        }
    }

    // the message never echoes the file content
    private static CorruptCredentialException corrupt(CredentialKey key, String why) {
        return new CorruptCredentialException("credential file for " + key + " is corrupt: " + why, null);
    }

    private Path file(CredentialKey key) {
        Base64.Encoder enc = Base64.getUrlEncoder().withoutPadding();
        String name = enc.encodeToString(key.connectionId().getBytes(StandardCharsets.UTF_8)) + "."
                + enc.encodeToString(key.kind().getBytes(StandardCharsets.UTF_8)) + ".cred";
        return directory.resolve(name);
    }
}
