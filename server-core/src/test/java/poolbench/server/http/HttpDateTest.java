package poolbench.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Locale;
import java.util.TimeZone;

import org.junit.jupiter.api.Test;

class HttpDateTest {

    /** A clock that stands still until a test moves it, at an instant of the test's choosing. */
    private static final class SetClock implements InstantSource {

        private volatile Instant now;

        SetClock(String instant) {
            set(instant);
        }

        void set(String instant) {
            now = Instant.parse(instant);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static String text(HttpDate date) {
        return new String(date.bytes(), StandardCharsets.US_ASCII);
    }

    @Test
    void aTickedDateChangesAtTheTickAfterASecondBoundaryAndReadsNoClockInBetween() {
        SetClock clock = new SetClock("2026-12-01T09:05:03.999Z");
        HttpDate date = new HttpDate(clock);
        date.tickerStarted();
        assertEquals("Tue, 01 Dec 2026 09:05:03 GMT", text(date));
        clock.set("2026-12-01T09:05:04.000Z");
        assertEquals("Tue, 01 Dec 2026 09:05:03 GMT", text(date), "a read between ticks looks at no clock");
        date.tick();
        assertEquals("Tue, 01 Dec 2026 09:05:04 GMT", text(date));
        byte[] second = date.bytes();
        clock.set("2026-12-01T09:05:04.999Z");
        date.tick();
        assertSame(second, date.bytes(), "within one second the bytes are formatted once and shared");
    }

    @Test
    void withoutATickerEachReadFollowsTheClockAndFormatsOnceASecond() {
        SetClock clock = new SetClock("2026-12-31T23:59:59.000Z");
        HttpDate date = new HttpDate(clock);
        byte[] first = date.bytes();
        assertEquals("Thu, 31 Dec 2026 23:59:59 GMT", text(date));
        clock.set("2026-12-31T23:59:59.999Z");
        assertSame(first, date.bytes());
        clock.set("2027-01-01T00:00:00.000Z");
        assertEquals("Fri, 01 Jan 2027 00:00:00 GMT", text(date));
    }

    @Test
    void readsFollowTheClockAgainOnlyOnceTheLastTickerHasStopped() {
        SetClock clock = new SetClock("2000-01-09T00:00:00.500Z");
        HttpDate date = new HttpDate(clock);
        date.tickerStarted();
        date.tickerStarted();
        date.tickerStopped();
        clock.set("2000-01-09T00:00:01.000Z");
        assertEquals("Sun, 09 Jan 2000 00:00:00 GMT", text(date), "one ticker still runs: no clock read");
        date.tickerStopped();
        clock.set("2000-01-09T00:00:02.000Z");
        assertEquals("Sun, 09 Jan 2000 00:00:02 GMT", text(date));
    }

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
