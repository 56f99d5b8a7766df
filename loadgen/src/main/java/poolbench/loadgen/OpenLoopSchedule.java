package poolbench.loadgen;

/**
 * When each request of an open loop is meant to be sent: request {@code k} at {@code start + k / rate}.
 *
 * <p>Send times are computed from the index, never by adding an interval to the previous time, so rounding
 * does not drift and a late loop catches up with a burst instead of shifting the whole schedule (shifting
 * would hide the lateness: coordinated omission). Requests are numbered from the schedule's start,
 * warm-up included.
 */
final class OpenLoopSchedule {

    private final long startNanos;
    private final double intervalNanos;
    private long next;

    /**
     * @param startNanos   {@link System#nanoTime()} of request 0
     * @param ratePerSecond requests per second this schedule produces
     */
    OpenLoopSchedule(long startNanos, double ratePerSecond) {
        this.startNanos = startNanos;
        this.intervalNanos = 1e9 / ratePerSecond;
    }

    /** The intended send time of the next request not yet taken. */
    long nextIntendedTime() {
        return intendedTime(next);
    }

    /** Takes the next request: its intended send time. */
    long take() {
        return intendedTime(next++);
    }

    /** Requests whose intended time is before {@code nanos} and that were not taken. */
    long dueBefore(long nanos) {
        long due = (long) Math.ceil((nanos - startNanos) / intervalNanos);
        return Math.max(0, due - next);
    }

    long intendedTime(long index) {
        return startNanos + (long) (index * intervalNanos);
    }
}
