package io.mlconnector.freshbooks.internal.json;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * FreshBooks' time rules in one place: accounting timestamps are naive {@code YYYY-MM-DD HH:MM:SS} strings in
 * US/Eastern (with a few UTC exceptions), projects and time tracking send ISO UTC (sometimes without {@code Z}),
 * and the accounting {@code updated_min} filter has day granularity in US/Eastern (api/freshbooks.md §2.0, §3).
 */
public final class FreshBooksTime {
    /** The zone FreshBooks' accounting API writes naive timestamps in. */
    public static final ZoneId EASTERN = ZoneId.of("America/New_York");

    private static final DateTimeFormatter NAIVE = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd")
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendLiteral('T').optionalEnd()
            .appendPattern("HH:mm")
            .optionalStart().appendPattern(":ss").optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter();
    private static final DateTimeFormatter UPDATED_SINCE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    private FreshBooksTime() {
    }

    /**
     * Parses a FreshBooks timestamp. A string carrying its own offset ({@code Z}, {@code +02:00}) is read as such;
     * a naive string is read in {@code naiveZone}. Returns empty for blank or unparseable text (FreshBooks' own
     * fixtures contain impossible dates such as {@code 2020-11-219T13:22:04}; one bad stamp must not lose a record).
     *
     * @param text the text
     * @param naiveZone the naive zone
     * @return the {@code Optional}
     */
    public static Optional<Instant> parse(String text, ZoneId naiveZone) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String s = text.trim();
        try {
            if (hasOffset(s)) {
                return Optional.of(OffsetDateTime.parse(s.replace(' ', 'T')).toInstant());
            }
            return Optional.of(LocalDateTime.parse(s, NAIVE).atZone(naiveZone).toInstant());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Parses a naive accounting timestamp as US/Eastern.
     *
     * @param text the text
     * @return the eastern, or empty when there is none
     */
    public static Optional<Instant> parseEastern(String text) {
        return parse(text, EASTERN);
    }

    /**
     * Parses a timestamp whose naive form is UTC.
     *
     * @param text the text
     * @return the UTC, or empty when there is none
     */
    public static Optional<Instant> parseUtc(String text) {
        return parse(text, ZoneOffset.UTC);
    }

    /**
     * Parses a date; accepts {@code YYYY-MM-DD} and a date-time whose date part is taken (invoice line {@code date}
     * arrives both ways). Empty for blank or unparseable text.
     *
     * @param text the text
     * @return the date, or empty when there is none
     */
    public static Optional<LocalDate> parseDate(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String s = text.trim();
        try {
            return Optional.of(LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The {@code search[updated_min]} value for "changed since {@code since}": the US/Eastern calendar date of
     * {@code since} minus one day. The filter has day granularity, so the window is widened and callers dedupe.
     *
     * @param since the earliest change time to include
     * @return the {@code search[updated_min]} value for "changed since {@code since}": the US/Eastern calendar date of
     *     {@code since} minus one day
     */
    public static LocalDate updatedMinFor(Instant since) {
        return LocalDate.ofInstant(since, EASTERN).minusDays(1);
    }

    /**
     * The {@code updated_since} value for projects and time entries: UTC, second precision, no zone suffix.
     *
     * @param since the earliest change time to include
     * @return the {@code updated_since} value for projects and time entries: UTC, second precision, no zone suffix
     */
    public static String updatedSinceParam(Instant since) {
        return UPDATED_SINCE.format(LocalDateTime.ofInstant(since.truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC));
    }

    private static boolean hasOffset(String s) {
        if (s.endsWith("Z") || s.endsWith("z")) {
            return true;
        }
        int t = Math.max(s.indexOf('T'), s.indexOf(' '));
        if (t < 0) {
            return false;
        }
        String time = s.substring(t + 1);
        return time.contains("+") || time.contains("-");
    }
}
