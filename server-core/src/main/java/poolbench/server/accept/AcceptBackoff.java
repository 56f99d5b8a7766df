package poolbench.server.accept;

import java.time.Duration;

/**
 * What an accept loop does after an accept failed: pauses without spinning, and says so at most once a second
 * with the count of failures since it last spoke.
 *
 * <p>The pause starts at 1 ms and doubles to 64 ms while accepts keep failing, so a loop out of descriptors
 * (EMFILE, ENFILE) wakes about 16 times a second and takes the first descriptor freed within 64 ms; one success
 * resets it. Built before the first accept (its class loaded, its logger bound) so that the failure path loads no
 * class and opens no file: with no descriptor left, either could throw.
 */
public final class AcceptBackoff {

    private static final long LOG_INTERVAL_NANOS = Duration.ofSeconds(1).toNanos();
    private static final long FIRST_PAUSE_MILLIS = 1;
    private static final long LONGEST_PAUSE_MILLIS = 64;

    private final System.Logger log;
    private final String what;
    private long unreported;
    private long lastReport = System.nanoTime() - LOG_INTERVAL_NANOS;
    private long pauseMillis = FIRST_PAUSE_MILLIS;
    private volatile long total;

    public AcceptBackoff(System.Logger log, String what) {
        this.log = log;
        this.what = what;
        FailurePath.prepare(log);
    }

    /** Counts a failed accept, reports it when a second has passed since the last report, and pauses. */
    public void failed(Throwable e) {
        unreported++;
        total++;
        long now = System.nanoTime();
        if (now - lastReport >= LOG_INTERVAL_NANOS) {
            lastReport = now;
            long count = unreported;
            unreported = 0;
            try {
                log.log(System.Logger.Level.WARNING, what + " failed " + count
                        + (count == 1 ? " time" : " times") + " since the last report; last: " + e);
            } catch (Throwable logFailed) {
                // The log itself may fail for want of a descriptor; the count carries over to the next report.
                unreported += count;
            }
        }
        try {
            Thread.sleep(pauseMillis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        pauseMillis = Math.min(LONGEST_PAUSE_MILLIS, pauseMillis * 2);
    }

    /** An accept worked: the next failure pauses briefly again. */
    public void succeeded() {
        pauseMillis = FIRST_PAUSE_MILLIS;
    }

    /** Failures since the server started. */
    long failures() {
        return total;
    }
}
