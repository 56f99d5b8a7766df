package poolbench.server.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import poolbench.server.accept.ServerConfig;
import poolbench.server.http.HttpDate;
import poolbench.server.stats.ServerStats;
import poolbench.server.testing.Poll;

/**
 * A running sweeper keeps the Date header current, so the threads that write responses read no clock for it; once
 * the sweeper stops they read the clock again rather than send a frozen date. On a clock of the test's own.
 */
@Timeout(30)
class DeadlineSweeperDateTest {

    private static final String SWEEPER = "deadline-sweeper-date-test";

    /** Stands still until moved, and remembers which threads read it. */
    private static final class WatchedClock implements InstantSource {

        volatile Instant now = Instant.parse("2026-12-01T09:05:03.000Z");
        final Set<String> readers = ConcurrentHashMap.newKeySet();

        @Override
        public Instant instant() {
            readers.add(Thread.currentThread().getName());
            return now;
        }
    }

    private static String text(HttpDate date) {
        return new String(date.bytes(), StandardCharsets.US_ASCII);
    }

    @Test
    void whileTheSweeperRunsResponsesTakeItsDateWithoutReadingTheClock() {
        WatchedClock clock = new WatchedClock();
        HttpDate date = new HttpDate(clock);
        String me = Thread.currentThread().getName();
        ServerConfig config = ServerConfig.ephemeral().withWriteTimeout(Duration.ofMillis(100));
        try (DeadlineSweeper sweeper = new DeadlineSweeper(config, new ServerStats(), SWEEPER, date)) {
            Poll.until(Duration.ofSeconds(5), () -> clock.readers.contains(SWEEPER), () -> "the sweeper ticks");
            clock.readers.clear();
            clock.now = Instant.parse("2026-12-01T09:05:04.000Z");
            Poll.until(Duration.ofSeconds(5), () -> text(date).equals("Tue, 01 Dec 2026 09:05:04 GMT"),
                    () -> "the sweeper's tick brings the next second; the date is " + text(date));
            assertFalse(clock.readers.contains(me), "a thread writing responses read the clock");
        }
        clock.now = Instant.parse("2026-12-01T09:05:05.000Z");
        assertEquals("Tue, 01 Dec 2026 09:05:05 GMT", text(date), "with the sweeper gone, reads follow the clock");
        assertTrue(clock.readers.contains(me));
    }
}
