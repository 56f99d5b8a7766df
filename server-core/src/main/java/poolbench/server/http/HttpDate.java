package poolbench.server.http;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The Date header's value (IMF-fixdate, 29 bytes), formatted at most once a second and shared by every thread.
 * A request pays one clock read and one volatile read.
 */
public final class HttpDate {

    public static final int LENGTH = 29;

    private static final DateTimeFormatter IMF_FIXDATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private record Stamp(long second, byte[] bytes) {
    }

    private static volatile Stamp current = format(System.currentTimeMillis() / 1000);

    private HttpDate() {
    }

    /** The current date's bytes; callers must not modify the array. */
    public static byte[] now() {
        long second = System.currentTimeMillis() / 1000;
        Stamp stamp = current;
        if (stamp.second != second) {
            // Racing threads may format the same second twice; both results are equal, so no lock is needed.
            stamp = format(second);
            current = stamp;
        }
        return stamp.bytes;
    }

    private static Stamp format(long second) {
        return new Stamp(second, format(Instant.ofEpochSecond(second)).getBytes(StandardCharsets.US_ASCII));
    }

    /** {@code instant} as an IMF-fixdate, whatever the default locale and time zone. */
    static String format(Instant instant) {
        return IMF_FIXDATE.format(instant);
    }
}
