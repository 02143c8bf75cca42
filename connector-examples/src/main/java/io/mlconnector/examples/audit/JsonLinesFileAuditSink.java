package io.mlconnector.examples.audit;

import io.mlconnector.core.audit.AuditEvent;
import io.mlconnector.core.audit.AuditSink;
import io.mlconnector.core.audit.JsonLinesAuditFormat;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends audit events to a file as JSON Lines (core's {@link JsonLinesAuditFormat}), one event per line, flushed
 * per event, newest last. A write failure is logged and counted, never thrown into the engine. Thread-safe.
 */
public final class JsonLinesFileAuditSink implements AuditSink, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JsonLinesFileAuditSink.class);

    private final Path file;
    private final JsonLinesAuditFormat format = new JsonLinesAuditFormat();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private BufferedWriter out;

    /** Opens (creating parent directories) {@code file} for appending. */
    public JsonLinesFileAuditSink(Path file) {
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath();
        try {
            if (this.file.getParent() != null) {
                Files.createDirectories(this.file.getParent());
            }
            this.out = Files.newBufferedWriter(this.file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the audit log " + this.file, e);
        }
    }

    /** Where the events go. */
    public Path file() {
        return file;
    }

    @Override
    public synchronized void record(AuditEvent event) {
        if (out == null) {
            failures.incrementAndGet();
            return;
        }
        try {
            out.write(format.toLine(event));
            out.write('\n');
            out.flush();
            written.incrementAndGet();
        } catch (IOException | RuntimeException e) {
            failures.incrementAndGet();
            LOG.warn("audit event not written to {}: {}", file, e.toString());
        }
    }

    /** Events written by this sink since it was opened. */
    public long writtenCount() {
        return written.get();
    }

    /** Events lost to write failures. */
    public long failureCount() {
        return failures.get();
    }

    /** Every event in the file, oldest first (including lines written before this sink was opened). */
    public List<AuditEvent> readAll() {
        return readAll(file);
    }

    /**
     * The last {@code limit} lines of the file, oldest first, as written (each line one JSON object).
     *
     * @param limit how many lines at most; {@code <= 0} means all
     */
    public synchronized List<String> lastLines(int limit) {
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            if (limit <= 0) {
                return lines.filter(l -> !l.isBlank()).toList();
            }
            Deque<String> tail = new ArrayDeque<>(Math.min(limit, 1024));
            lines.filter(l -> !l.isBlank()).forEach(l -> {
                tail.addLast(l);
                if (tail.size() > limit) {
                    tail.removeFirst();
                }
            });
            return new ArrayList<>(tail);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit log " + file, e);
        }
    }

    /** Reads every event of a JSON Lines audit file. */
    public static List<AuditEvent> readAll(Path file) {
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return new JsonLinesAuditFormat().readAll(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit log " + file, e);
        }
    }

    @Override
    public synchronized void close() {
        if (out == null) {
            return;
        }
        try {
            out.close();
        } catch (IOException e) {
            LOG.warn("closing the audit log {} failed: {}", file, e.toString());
        } finally {
            out = null;
        }
    }
}
