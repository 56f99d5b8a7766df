package poolbench.compare.machine;

import java.time.Duration;

/**
 * When a run counts: before it, wait up to {@code quietWait} for the server's and the load's CPUs to be quiet; after
 * it, retry when others (or steal) took more than {@code othersThreshold} of either side's CPUs, up to
 * {@code attempts} tries in all. A run still disturbed after the last is kept, marked, and left out of every median,
 * ratio and verdict.
 */
public record Gate(double othersThreshold, int attempts, Duration quietWait) {

    /** What the waiting servers of a comparison may use of the server CPUs at a threshold of {@code others}. */
    public static double waitingThreshold(double others) {
        return others * WAITING_PART_OF_THRESHOLD;
    }

    public static final double DEFAULT_THRESHOLD = 0.03;
    /**
     * The share of the server CPUs a comparison's waiting servers may use in another arm's window, as a part of
     * the others' threshold (a third: 1% at the default 3%). They are idle JVMs (a sweeper tick, a reaper pass);
     * more means one of them was doing work of its own (a collection, a compilation) on the CPU the measured arm
     * needs.
     */
    public static final double WAITING_PART_OF_THRESHOLD = 1.0 / 3;
    public static final int DEFAULT_ATTEMPTS = 4;
    /**
     * Before a window is measured again after others (not steal) disturbed it, wait at most this long for a quiet
     * second: an intruder that comes and goes (a build step, a cron job) would otherwise take the repeat too, since
     * it comes right after. Longer than a typical bout, short enough that a steady intruder costs little per repeat.
     */
    public static final Duration RETRY_QUIET_WAIT = Duration.ofSeconds(6);
    public static final int DEFAULT_QUIET_WAIT_SECONDS = 30;
    public static final Duration DEFAULT_QUIET_WAIT = Duration.ofSeconds(DEFAULT_QUIET_WAIT_SECONDS);
    public static final Gate DEFAULTS = new Gate(DEFAULT_THRESHOLD, DEFAULT_ATTEMPTS, DEFAULT_QUIET_WAIT);

    public Gate {
        if (!(othersThreshold >= 0 && othersThreshold <= 1)) {
            throw new IllegalArgumentException("--max-others must be between 0 and 1 (a share of the CPUs), was "
                    + othersThreshold);
        }
        if (attempts < 1) {
            throw new IllegalArgumentException("--attempts must be at least 1, was " + attempts);
        }
        if (quietWait.isNegative()) {
            throw new IllegalArgumentException("--quiet-wait must not be negative, was " + quietWait);
        }
    }
}
