package poolbench.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.TimeZone;

import org.junit.jupiter.api.Test;

class HttpDateTest {

    @Test
    void dateIsImfFixdateOfNow() {
        HttpDates.assertImfFixdateOfNow(new String(HttpDate.now(), StandardCharsets.US_ASCII));
    }

    @Test
    void aSingleDigitDayKeepsItsLeadingZero() {
        // RFC 9110 §5.6.7: day = 2DIGIT. The first failure of this rule was found on a 1st of the month.
        assertEquals("Tue, 01 Dec 2026 09:05:03 GMT", HttpDate.format(Instant.parse("2026-12-01T09:05:03Z")));
        assertEquals("Sun, 09 Jan 2000 00:00:00 GMT", HttpDate.format(Instant.parse("2000-01-09T00:00:00Z")));
        assertEquals(HttpDate.LENGTH, HttpDate.format(Instant.parse("2026-12-01T09:05:03Z")).length());
    }

    @Test
    void theDateIsInGmtAndEnglishWhateverTheDefaults() {
        // Midnight UTC on the 1st is still the 30th in Honolulu, and New Year's Eve is already over in Kiritimati:
        // the date must be GMT's, with English names, whatever the JVM's defaults.
        Locale locale = Locale.getDefault();
        TimeZone zone = TimeZone.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Honolulu"));
            assertEquals("Tue, 01 Dec 2026 00:00:00 GMT", HttpDate.format(Instant.parse("2026-12-01T00:00:00Z")));
            TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
            assertEquals("Thu, 31 Dec 2026 23:59:59 GMT", HttpDate.format(Instant.parse("2026-12-31T23:59:59Z")));
        } finally {
            Locale.setDefault(locale);
            TimeZone.setDefault(zone);
        }
    }
}
