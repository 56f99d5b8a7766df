package poolbench.loadgen;

import java.time.Duration;

/**
 * The phases of a run on the {@link System#nanoTime()} scale: warm-up from {@code start}, measurement
 * from {@code measureStart}, no new request after {@code sendDeadline}, and no waiting for answers after
 * {@code drainDeadline}. Whatever the server does, a run ends by the drain deadline.
 */
record RunClock(long start, long measureStart, long sendDeadline, long drainDeadline) {

    static RunClock startingAt(long start, Duration warmup, Duration duration, Duration timeout) {
        long measureStart = start + warmup.toNanos();
        long sendDeadline = measureStart + duration.toNanos();
        return new RunClock(start, measureStart, sendDeadline, sendDeadline + timeout.toNanos());
    }

    /** Results of a request (or event) at this time belong to the measured phase. */
    boolean measured(long nanos) {
        return nanos >= measureStart;
    }
}
