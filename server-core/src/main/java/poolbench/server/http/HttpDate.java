package poolbench.server.http;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The Date header's value (IMF-fixdate, 29 bytes), formatted once a second and shared by every thread.
 *
 * <p>While a server runs, its deadline sweeper's thread ticks {@link #SYSTEM} every sweep period (at most 250 ms):
 * a request then pays one volatile read and a copy of the shared bytes, and no clock read, and its Date is at most
 * one period behind the clock (fasthttp's is up to a second behind: a goroutine refreshes it once a second). With no
 * ticker running (a codec benchmark, a test without a server) each read looks at the clock itself, so the date is
 * never frozen; formatting is still once a second.
 *
 * <p>Stamps are published under this object's lock, so the one in place always says whether a ticker is running:
 * tickers are counted when their thread starts and stops ticking, and every change republishes.
 */
public final class HttpDate {

    public static final int LENGTH = 29;

    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    /** The date every response carries: the system clock's. Declared after the formatter its first stamp needs. */
    public static final HttpDate SYSTEM = new HttpDate(InstantSource.system());

    /** One second's bytes, and whether a ticker keeps them current (else a read checks the clock). */
    private record Stamp(long second, byte[] bytes, boolean ticked) {
    }

    private final InstantSource clock;
    /** Volatile: written under the lock, read by every request without it. */
    private volatile Stamp current;
    /** Threads ticking this date now; guarded by this. */
    private int tickers;

    /** A date on {@code clock}; the server's is {@link #SYSTEM}, tests give their own clock. */
    public HttpDate(InstantSource clock) {
        this.clock = clock;
        long second = secondOf(clock);
        this.current = new Stamp(second, format(second), false);
    }

    /** The current date's bytes, from {@link #SYSTEM}; callers must not modify the array. */
    public static byte[] now() {
        return SYSTEM.bytes();
    }

    /** This date's bytes now; callers must not modify the array. */
    public byte[] bytes() {
        Stamp stamp = current;
        if (!stamp.ticked && stamp.second != secondOf(clock)) {
            stamp = publish();
        }
        return stamp.bytes;
    }

    /** The calling thread will {@link #tick} this date from now until it calls {@link #tickerStopped}. */
    public synchronized void tickerStarted() {
        tickers++;
        publish();
    }

    /** Brings the date up to the clock; a ticker calls it more often than once a second. */
    public synchronized void tick() {
        publish();
    }

    /** The calling thread ticks no more; with no ticker left, reads look at the clock again. */
    public synchronized void tickerStopped() {
        tickers--;
        publish();
    }

    /** Publishes the clock's second, formatting it only when it is a new one, and whether a ticker runs. */
    private synchronized Stamp publish() {
        long second = secondOf(clock);
        boolean ticked = tickers > 0;
        Stamp stamp = current;
        if (stamp.second != second || stamp.ticked != ticked) {
            stamp = new Stamp(second, stamp.second == second ? stamp.bytes : format(second), ticked);
            current = stamp;
        }
        return stamp;
    }

    private static long secondOf(InstantSource clock) {
        return Math.floorDiv(clock.millis(), 1000);
    }

    private static byte[] format(long second) {
        return format(Instant.ofEpochSecond(second)).getBytes(StandardCharsets.US_ASCII);
    }

    /** {@code instant} as an IMF-fixdate, whatever the default locale and time zone. */
    static String format(Instant instant) {
        return IMF_FIXDATE.format(instant);
    }
}
