package io.mlconnector.testkit.freshbooks;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** FreshBooks' several timestamp formats. */
final class FbTime {

    static final ZoneId EASTERN = ZoneId.of("America/New_York");
    private static final DateTimeFormatter NAIVE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter ISO_NAIVE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private FbTime() {
    }

    /** Accounting {@code updated}: naive {@code YYYY-MM-DD HH:MM:SS} in US/Eastern. */
    static String eastern(Instant instant) {
        return NAIVE.format(LocalDateTime.ofInstant(instant, EASTERN));
    }

    /** Bills and bill vendors {@code created_at/updated_at}: naive, UTC. */
    static String utcNaive(Instant instant) {
        return NAIVE.format(LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    /** Projects: ISO-8601 UTC without {@code Z}. */
    static String projectTime(Instant instant) {
        return ISO_NAIVE.format(LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC));
    }

    /** Callbacks / identity: ISO-8601 UTC with {@code Z}. */
    static String isoZ(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** Today's date in US/Eastern (default for date-only fields). */
    static LocalDate easternDate(Instant instant) {
        return LocalDate.ofInstant(instant, EASTERN);
    }

    /** The Eastern calendar date of a naive Eastern timestamp string. */
    static LocalDate dateOfNaive(String naive) {
        return LocalDate.parse(naive.substring(0, 10));
    }

    /** Parses a project-style or ISO timestamp (with or without zone) as UTC. */
    static Instant parseUtc(String text) {
        String t = text.trim().replace(' ', 'T');
        if (t.length() == 10) {
            return LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        if (t.endsWith("Z") || t.matches(".*[+-]\\d\\d:\\d\\d$")) {
            return java.time.OffsetDateTime.parse(t).toInstant();
        }
        return LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
    }
}
