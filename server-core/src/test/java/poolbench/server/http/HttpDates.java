package poolbench.server.http;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Locale;

/**
 * Checks of a Date header's value, split by who owns the format. poolbench's own arms must send an exact
 * IMF-fixdate (RFC 9110 §5.6.7: two-digit day, 29 characters). A reference server is held only to what a
 * recipient can read: IMF-fixdate, the two obsolete forms, or the RFC 5322 date-time with a one-digit day that
 * Helidon 4 sends on days 1 to 9 (see references/README.md). Either way the date must be now, give or take the
 * second a server may cache it for, so no check depends on the day, the time zone or the locale.
 */
public final class HttpDates {

    /** How far a Date may be from the test's clock: servers format it at most once a second. */
    static final Duration TOLERANCE = Duration.ofSeconds(3);

    private static final DateTimeFormatter IMF_FIXDATE = strict("EEE, dd MMM uuuu HH:mm:ss 'GMT'");

    /** What recipients must accept (RFC 9110 §5.6.7), plus RFC 5322's one-digit day. */
    private static final List<DateTimeFormatter> ACCEPTED = List.of(IMF_FIXDATE,
            DateTimeFormatter.RFC_1123_DATE_TIME,
            strict("EEEE, dd-MMM-uu HH:mm:ss 'GMT'"),
            strict("EEE MMM ppd HH:mm:ss uuuu"));

    private HttpDates() {
    }

    private static DateTimeFormatter strict(String pattern) {
        return DateTimeFormatter.ofPattern(pattern, Locale.US).withZone(java.time.ZoneOffset.UTC)
                .withResolverStyle(ResolverStyle.STRICT);
    }

    /** {@code value} is an exact IMF-fixdate of now: what poolbench's own arms send. */
    public static void assertImfFixdateOfNow(String value) {
        assertTrue(value != null && value.length() == HttpDate.LENGTH, "Date '" + value + "' is not "
                + HttpDate.LENGTH + " characters");
        assertNear(parse(value, List.of(IMF_FIXDATE)), value);
    }

    /** {@code value} is an HTTP-date a recipient accepts, of now: what a reference server is held to. */
    public static void assertHttpDateOfNow(String value) {
        assertTrue(value != null, "no Date header");
        assertNear(parse(value, ACCEPTED), value);
    }

    private static Instant parse(String value, List<DateTimeFormatter> formats) {
        for (DateTimeFormatter f : formats) {
            try {
                return ZonedDateTime.parse(value, f).toInstant();
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return fail("Date '" + value + "' is not in an accepted form");
    }

    private static void assertNear(Instant date, String value) {
        Duration off = Duration.between(Instant.now(), date).abs();
        assertTrue(off.compareTo(TOLERANCE) <= 0, "Date '" + value + "' is " + off + " away from now");
    }
}
