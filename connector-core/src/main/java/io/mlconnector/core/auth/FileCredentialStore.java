package io.mlconnector.core.auth;

import io.mlconnector.core.error.ConfigurationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * {@link CredentialStore} keeping one file per credential in a directory. Stores whatever bytes it is given: wrap it
 * in {@link EncryptedCredentialStore} so the files hold ciphertext only.
 *
 * <p>Durability: a write goes to a temporary file that is flushed to disk ({@code fsync}), atomically moved into
 * place, and the directory is flushed after the move, so a crash leaves either the old or the new credential. The
 * credential being replaced is first kept beside it as {@code <file>.prev}; if a crash or a full disk still leaves a
 * zero-length or unreadable file, reading it fails with a {@link CorruptCredentialException} that says so and names
 * the kept previous version (never the content), and {@link #loadPrevious(CredentialKey)} reads it back.
 *
 * <p>Concurrency: {@link #compareAndSet} holds an operating-system lock on {@code .lock} in the directory while it
 * reads, compares and writes, so compare-and-set holds across processes sharing the directory (the host and
 * {@code ping}, two nodes on a shared volume) as well as across store instances and threads of one JVM.
 */
public final class FileCredentialStore implements CredentialStore {
    private static final String LOCK_FILE = ".lock";
    private static final String PREVIOUS_SUFFIX = ".prev";

    /**
     * Operating-system file locks are held per process, not per thread or channel: two store instances of one JVM
     * on the same directory must first agree in memory. Keyed by the directory's real path.
     */
    private static final ConcurrentMap<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

    private final Path directory;
    private final ReentrantLock jvmLock;

    /**
     * Creates a {@code FileCredentialStore}.
     *
     * @param directory the directory
     */
    public FileCredentialStore(Path directory) {
        this.directory = directory;
        try {
            Files.createDirectories(directory);
            this.jvmLock = JVM_LOCKS.computeIfAbsent(directory.toRealPath(), p -> new ReentrantLock());
        } catch (IOException e) {
            throw new ConfigurationException("cannot create credential directory " + directory, e);
        }
    }

    @Override
    public Optional<StoredCredential> load(CredentialKey key) {
        // a reader needs no lock: the file is replaced by an atomic rename
        return read(key, file(key));
    }

    /**
     * The version that the last successful write replaced, kept as {@code <file>.prev}; for recovery after a crash
     * left the current file unreadable. Empty when there is none.
     *
     * @param key the key
     * @return the version that the last successful write replaced, kept as {@code <file>.prev}
     */
    public Optional<StoredCredential> loadPrevious(CredentialKey key) {
        return read(key, previous(key));
    }

    @Override
    public StoredCredential compareAndSet(CredentialKey key, long expectedVersion, byte[] value) {
        return locked(() -> {
            Path target = file(key);
            Optional<StoredCredential> current = read(key, target);
            long actual = current.map(StoredCredential::version).orElse(0L);
            if (actual != expectedVersion) {
                throw new CredentialConflictException(key, expectedVersion, actual);
            }
            StoredCredential next = new StoredCredential(key, expectedVersion + 1, value);
            String content = next.version() + "\n" + Base64.getEncoder().encodeToString(value) + "\n";
            try {
                if (current.isPresent()) {
                    // the current file just parsed: keep it as the previous good version
                    replaceDurably(Files.readAllBytes(target), previous(key));
                }
                replaceDurably(content.getBytes(StandardCharsets.US_ASCII), target);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write credential " + key, e);
            }
            return next;
        });
    }

    @Override
    public void delete(CredentialKey key) {
        locked(() -> {
            try {
                Files.deleteIfExists(file(key));
                Files.deleteIfExists(previous(key));
                forceDirectory();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete credential " + key, e);
            }
            return null;
        });
    }

    private <T> T locked(java.util.function.Supplier<T> action) {
        jvmLock.lock();
        try (FileChannel channel = FileChannel.open(directory.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            return action.get();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock credential directory " + directory, e);
        } finally {
            jvmLock.unlock();
        }
    }

    /** Writes {@code bytes} to a flushed temporary file, renames it over {@code target}, flushes the directory. */
    private void replaceDurably(byte[] bytes, Path target) throws IOException {
        Path tmp = Files.createTempFile(directory, ".cred", ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    ch.write(buffer);
                }
                ch.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
            forceDirectory();
        } finally {
            if (tmp != null) {
                deleteQuietly(tmp);
            }
        }
    }

    /** Flushes the directory entry after a rename; platforms that cannot open a directory skip it. */
    private void forceDirectory() {
        try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
            dir.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open a directory as a channel; its rename is already durable enough there
        }
    }

    private Optional<StoredCredential> read(CredentialKey key, Path path) {
        String content;
        try {
            content = Files.readString(path, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (CharacterCodingException e) {
            throw corrupt(key, path, "not an ASCII credential file");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read credential " + key, e);
        }
        if (content.isEmpty()) {
            throw corrupt(key, path, "the file is empty (a crash or a full disk during a write?)");
        }
        // format: "<version>\n<base64 value>\n"; the value line is empty for an empty credential
        String[] parts = content.split("\n", -1);
        if (parts.length < 2) {
            throw corrupt(key, path, "expected a version line and a value line");
        }
        long version;
        try {
            version = Long.parseLong(parts[0].trim());
        } catch (NumberFormatException e) {
            throw corrupt(key, path, "bad version line");
        }
        if (version < 1) {
            throw corrupt(key, path, "version must be positive");
        }
        try {
            return Optional.of(new StoredCredential(key, version, Base64.getDecoder().decode(parts[1].trim())));
        } catch (IllegalArgumentException e) {
            throw corrupt(key, path, "value line is not Base64");
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
    private CorruptCredentialException corrupt(CredentialKey key, Path path, String why) {
        StringBuilder message = new StringBuilder("credential file for ").append(key).append(" is corrupt: ")
                .append(why);
        Path previous = path.getFileName().toString().endsWith(PREVIOUS_SUFFIX) ? null : previous(key);
        if (previous != null && Files.isRegularFile(previous)) {
            message.append("; the previous version is kept in ").append(previous.getFileName())
                    .append(" (FileCredentialStore.loadPrevious); nothing was overwritten");
        }
        return new CorruptCredentialException(message.toString(), null);
    }

    private Path file(CredentialKey key) {
        Base64.Encoder enc = Base64.getUrlEncoder().withoutPadding();
        String name = enc.encodeToString(key.connectionId().getBytes(StandardCharsets.UTF_8)) + "."
                + enc.encodeToString(key.kind().getBytes(StandardCharsets.UTF_8)) + ".cred";
        return directory.resolve(name);
    }

    private Path previous(CredentialKey key) {
        Path file = file(key);
        return file.resolveSibling(file.getFileName() + PREVIOUS_SUFFIX);
    }
}
