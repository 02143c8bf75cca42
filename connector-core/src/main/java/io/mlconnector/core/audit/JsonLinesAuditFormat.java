package io.mlconnector.core.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.mlconnector.core.http.ConnectorJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Audit events as JSON Lines: one JSON object per event per line, fields {@code time} (ISO-8601 instant),
 * {@code connectionId}, {@code direction}, {@code sourceRef}, {@code targetRef}, {@code outcome}, {@code reason}
 * and {@code details} (string values); absent values are omitted. Line breaks inside values are escaped by JSON,
 * so an event never spans lines. Thread-safe.
 */
public final class JsonLinesAuditFormat {
    private final ObjectMapper json;
    private final ObjectReader reader;

    /** Uses the connector's standard JSON setup. */
    public JsonLinesAuditFormat() {
        this(ConnectorJson.newObjectMapper());
    }

    /**
     * Uses the given mapper (it must understand java.time and write instants as ISO strings).
     *
     * @param json the JSON text
     */
    public JsonLinesAuditFormat(ObjectMapper json) {
        this.json = Objects.requireNonNull(json);
        this.reader = json.readerFor(AuditEvent.class).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    /**
     * One event as one line of JSON, without the line break.
     *
     * @param event the audit event
     * @return one event as one line of JSON, without the line break
     */
    public String toLine(AuditEvent event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise an audit event", e);
        }
    }

    /**
     * Reads one line written by {@link #toLine}.
     *
     * @param line the line
     * @return the from line
     * @throws AuditFormatException when it is not an audit event
     */
    public AuditEvent fromLine(String line) {
        return parse(0, line);
    }

    /**
     * Writes each event followed by {@code \n}.
     *
     * @param events the events
     * @param out the out writer
     */
    public void write(Iterable<AuditEvent> events, Writer out) {
        try {
            for (AuditEvent e : events) {
                out.write(toLine(e));
                out.write('\n');
            }
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write audit lines", e);
        }
    }

    /**
     * Reads every non-blank line.
     *
     * @param in the in reader
     * @return the all
     * @throws AuditFormatException naming the first bad line
     */
    public List<AuditEvent> readAll(Reader in) {
        List<AuditEvent> out = new ArrayList<>();
        BufferedReader r = in instanceof BufferedReader b ? b : new BufferedReader(in);
        try {
            int n = 0;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                n++;
                if (!line.isBlank()) {
                    out.add(parse(n, line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read audit lines", e);
        }
        return out;
    }

    private AuditEvent parse(int lineNumber, String line) {
        if (line == null || line.isBlank()) {
            throw new AuditFormatException(lineNumber, "empty line", null);
        }
        try {
            AuditEvent e = reader.readValue(line);
            if (e == null) {
                throw new AuditFormatException(lineNumber, "not a JSON object", null);
            }
            return e;
        } catch (JsonProcessingException e) {
            Throwable cause = e.getCause();
            String why = cause instanceof NullPointerException npe && npe.getMessage() != null
                    ? "missing required field '" + npe.getMessage() + "'"
                    : e.getOriginalMessage();
            throw new AuditFormatException(lineNumber, "not an audit event: " + why, e);
        }
    }
}
