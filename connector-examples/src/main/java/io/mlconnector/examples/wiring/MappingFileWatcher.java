package io.mlconnector.examples.wiring;

import io.mlconnector.core.mapping.Mapping;
import io.mlconnector.core.mapping.MappingCsv;
import io.mlconnector.core.mapping.MappingJson;
import io.mlconnector.core.operator.MappingEdit;
import io.mlconnector.core.operator.OperatorService;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-reads the mapping file ({@code MLC_MAPPINGS}, CSV or JSON) when it changes, so a mapping fixed in the file
 * takes effect without a restart: on a schedule, the file's modification time and size are compared with the last
 * read; when they moved and the content differs, every row is written through the {@link OperatorService}, which
 * stores and audits ({@code MAPPING_EDITED}, {@code who=file}) only the rows that changed something. Rows deleted
 * from the file are left in the store (mappings set in the console stay). A file that cannot be read or parsed is
 * logged and tried again at the next change; nothing is half-imported. Thread-safe ({@link #check()} is
 * synchronised).
 */
public final class MappingFileWatcher {
    private static final Logger LOG = LoggerFactory.getLogger(MappingFileWatcher.class);
    /** Who the audit names for changes read from the file. */
    public static final String WHO = "file";

    private final Path file;
    private final String connectionId;
    private final OperatorService operator;
    private final Clock clock;
    private FileTime lastModified;
    private long lastSize = -1;
    private byte[] lastDigest;

    /**
     * A watcher that considers the file as it is now already imported (the runtime imports it at start).
     *
     * @param file the mapping file ({@code .csv} or {@code .json})
     * @param connectionId the connection its rows belong to
     * @param operator writes and audits the changed rows
     * @param clock stamps the imported rows
     */
    public MappingFileWatcher(Path file, String connectionId, OperatorService operator, Clock clock) {
        this.file = Objects.requireNonNull(file, "file");
        this.connectionId = Objects.requireNonNull(connectionId, "connectionId");
        this.operator = Objects.requireNonNull(operator, "operator");
        this.clock = Objects.requireNonNull(clock, "clock");
        try {
            byte[] bytes = Files.readAllBytes(file);
            this.lastModified = Files.getLastModifiedTime(file);
            this.lastSize = bytes.length;
            this.lastDigest = digest(bytes);
        } catch (IOException e) {
            LOG.warn("mapping file {} not readable yet: {}", file, e.toString());
        }
    }

    /**
     * Checks the file every {@code every} on {@code scheduler}.
     *
     * @param scheduler the host's scheduler
     * @param every how often to look
     * @return the scheduled check (cancel it to stop watching)
     */
    public ScheduledFuture<?> start(ScheduledExecutorService scheduler, Duration every) {
        long ms = every.toMillis();
        return scheduler.scheduleWithFixedDelay(() -> {
            try {
                check();
            } catch (RuntimeException e) {
                LOG.warn("checking the mapping file {} failed: {}", file, e.toString());
            }
        }, ms, ms, TimeUnit.MILLISECONDS);
    }

    /**
     * Looks at the file once; imports it when it changed.
     *
     * @return the edits that changed a mapping (empty when the file did not change or changed nothing)
     */
    public synchronized List<MappingEdit> check() {
        FileTime modified;
        long size;
        try {
            modified = Files.getLastModifiedTime(file);
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            LOG.warn("mapping file {} not readable: {}", file, e.toString());
            return List.of();
        }
        if (modified.equals(lastModified) && size == lastSize) {
            return List.of();
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            LOG.warn("mapping file {} not readable: {}", file, e.toString());
            return List.of();
        }
        lastModified = modified;
        lastSize = size;
        byte[] digest = digest(bytes);
        if (Arrays.equals(digest, lastDigest)) {
            return List.of();
        }
        List<Mapping> rows;
        try (Reader in = new StringReader(new String(bytes, StandardCharsets.UTF_8))) {
            rows = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")
                    ? new MappingJson().read(in, connectionId, clock.instant())
                    : new MappingCsv().read(in, connectionId, clock.instant());
        } catch (IOException | RuntimeException e) {
            LOG.warn("mapping file {} not imported (fix it and save again): {}", file, e.getMessage());
            return List.of();
        }
        lastDigest = digest;
        List<MappingEdit> changed = rows.stream().map(m -> operator.putMapping(m, WHO)).filter(MappingEdit::changed)
                .toList();
        LOG.info("mapping file {} re-read: {} rows, {} changed", file, rows.size(), changed.size());
        return changed;
    }

    private static byte[] digest(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}
