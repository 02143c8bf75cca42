package io.mlconnector.core.audit;

import io.mlconnector.core.error.ConfigurationException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends audit events to a file as JSON Lines (core's {@link JsonLinesAuditFormat}), one event per line, flushed
 * per event, newest last. A write failure is logged and counted, never thrown into the engine. Thread-safe.
 *
 * <p>The file rotates at a size limit: when a line would take it past {@code maxBytes}, {@code audit.jsonl} becomes
 * {@code audit.jsonl.1} (older ones move up to {@code .<keep>}, the oldest is dropped) and a new file starts, so the
 * log on disk stays within {@code (keep + 1) × maxBytes}. Readers ({@link #lastLines(int)}) never take the writers'
 * lock: they read what was complete when they looked and skip a line still being written.
 */
public final class JsonLinesFileAuditSink implements AuditSink, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JsonLinesFileAuditSink.class);
    /** Default size at which the file rotates: 64 MiB. */
    public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;
    /** Default number of rotated files kept. */
    public static final int DEFAULT_KEEP = 5;
    private static final int CHUNK = 64 * 1024;

    private final Path file;
    private final long maxBytes;
    private final int keep;
    private final JsonLinesAuditFormat format = new JsonLinesAuditFormat();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final Runnable readHook;
    private BufferedWriter out;
    private long size;

    /**
     * Opens (creating parent directories) {@code file} for appending, rotating at 64 MiB and keeping 5 old files.
     *
     * @param file the audit log file
     * @throws java.io.UncheckedIOException if the file or its directories cannot be created or opened
     */
    public JsonLinesFileAuditSink(Path file) {
        this(file, DEFAULT_MAX_BYTES, DEFAULT_KEEP);
    }

    /**
     * Opens {@code file} for appending.
     *
     * @param file     the audit log file (parent directories are created)
     * @param maxBytes size at which the file rotates (at least 1 KiB)
     * @param keep     rotated files kept ({@code audit.jsonl.1} … {@code .keep}; at least 1)
     * @throws ConfigurationException if {@code maxBytes} or {@code keep} is too small
     * @throws java.io.UncheckedIOException if the file or its directories cannot be created or opened
     */
    public JsonLinesFileAuditSink(Path file, long maxBytes, int keep) {
        this(file, maxBytes, keep, () -> { });
    }

    /** For tests: {@code readHook} runs while {@link #lastLines} is between reading and answering. */
    JsonLinesFileAuditSink(Path file, long maxBytes, int keep, Runnable readHook) {
        if (maxBytes < 1024) {
            throw new ConfigurationException("maxBytes must be at least 1024");
        }
        if (keep < 1) {
            throw new ConfigurationException("keep must be at least 1");
        }
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath();
        this.maxBytes = maxBytes;
        this.keep = keep;
        this.readHook = Objects.requireNonNull(readHook);
        try {
            if (this.file.getParent() != null) {
                Files.createDirectories(this.file.getParent());
            }
            open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the audit log " + this.file, e);
        }
    }

    private void open() throws IOException {
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        this.size = Files.size(file);
    }

    /**
     * Where the events go.
     *
     * @return the absolute path of the current audit log file
     */
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
            byte[] line = (format.toLine(event) + "\n").getBytes(StandardCharsets.UTF_8);
            if (size > 0 && size + line.length > maxBytes) {
                rotate();
            }
            out.write(new String(line, StandardCharsets.UTF_8));
            out.flush();
            size += line.length;
            written.incrementAndGet();
        } catch (IOException | RuntimeException e) {
            failures.incrementAndGet();
            LOG.warn("audit event not written to {}: {}", file, e.toString());
        }
    }

    /** Closes the current file, shifts {@code .1 … .keep-1} up by one and starts a new file; under the lock. */
    private void rotate() throws IOException {
        out.close();
        out = null;
        Files.deleteIfExists(rotated(keep));
        for (int i = keep - 1; i >= 1; i--) {
            if (Files.exists(rotated(i))) {
                Files.move(rotated(i), rotated(i + 1), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.move(file, rotated(1), StandardCopyOption.REPLACE_EXISTING);
        open();
        LOG.info("audit log rotated: {} is now {}", file.getFileName(), rotated(1).getFileName());
    }

    private Path rotated(int n) {
        return file.resolveSibling(file.getFileName() + "." + n);
    }

    /**
     * Events written by this sink since it was opened.
     *
     * @return how many events were written
     */
    public long writtenCount() {
        return written.get();
    }

    /**
     * Events lost to write failures.
     *
     * @return how many events could not be written
     */
    public long failureCount() {
        return failures.get();
    }

    /**
     * Every event in the current file, oldest first (including lines written before this sink was opened).
     *
     * @return the events of the current file (rotated files are not read)
     * @throws java.io.UncheckedIOException if the file cannot be read
     */
    public List<AuditEvent> readAll() {
        return readAll(file);
    }

    /**
     * The last {@code limit} lines, oldest first, as written (each line one JSON object), from the current file and,
     * when it holds fewer, the rotated ones. Does not block writers.
     *
     * @param limit how many lines at most; {@code <= 0} means every line of every kept file
     * @return the lines, oldest first
     */
    public List<String> lastLines(int limit) {
        List<String> newestFirst = new ArrayList<>();
        int want = limit <= 0 ? Integer.MAX_VALUE : limit;
        for (int n = 0; n <= keep && newestFirst.size() < want; n++) {
            Path p = n == 0 ? file : rotated(n);
            try {
                tail(p, want - newestFirst.size(), newestFirst);
            } catch (NoSuchFileException gone) {
                // rotated away (or never written) meanwhile: nothing to read there
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the audit log " + p, e);
            }
        }
        readHook.run();
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    /**
     * Adds up to {@code want} complete lines of {@code p}, newest first, to {@code newestFirst}. Reads backwards, a
     * chunk at a time, from the size the file had when it was opened, until it holds enough line breaks; the text
     * after the last line break (a line still being written) is skipped.
     */
    private static void tail(Path p, int want, List<String> newestFirst) throws IOException {
        try (FileChannel ch = FileChannel.open(p, StandardOpenOption.READ)) {
            long pos = ch.size();
            List<byte[]> chunks = new ArrayList<>();
            long breaks = 0;
            int total = 0;
            while (pos > 0 && breaks <= want) {
                int len = (int) Math.min(CHUNK, pos);
                pos -= len;
                ByteBuffer buf = ByteBuffer.allocate(len);
                while (buf.hasRemaining() && ch.read(buf, pos + buf.position()) >= 0) {
                    // read the whole chunk
                }
                byte[] bytes = buf.array();
                for (byte b : bytes) {
                    if (b == '\n') {
                        breaks++;
                    }
                }
                chunks.add(bytes);
                total += len;
            }
            byte[] all = new byte[total];
            int at = total;
            for (byte[] c : chunks) { // newest chunk first
                at -= c.length;
                System.arraycopy(c, 0, all, at, c.length);
            }
            String text = new String(all, StandardCharsets.UTF_8);
            int lastBreak = text.lastIndexOf('\n');
            if (lastBreak < 0) {
                return; // no complete line
            }
            String[] lines = text.substring(0, lastBreak).split("\n", -1);
            int first = pos > 0 ? 1 : 0; // the first piece began before what was read: not a whole line
            for (int i = lines.length - 1; i >= first && want > 0; i--) {
                if (!lines[i].isBlank()) {
                    newestFirst.add(lines[i]);
                    want--;
                }
            }
        }
    }

    /**
     * Reads every event of a JSON Lines audit file.
     *
     * @param file the file to read
     * @return its events, oldest first
     * @throws java.io.UncheckedIOException if the file cannot be read
     */
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
