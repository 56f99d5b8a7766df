package poolbench.compare.record;

import poolbench.compare.machine.Interference;
import poolbench.compare.plan.Comparison;
import poolbench.loadgen.LoadResult;

/**
 * One arm driven at one offered rate for one window of a comparison: the load's result over the measured part,
 * the server's deltas over the same part, and who had the CPUs meanwhile.
 *
 * @param arm          the label driven
 * @param phase        {@link #CAPACITY} (a probe of the search), {@link #LADDER} (cost at equal load) or
 *                     {@link #MIXED} (light requests beside a heavy group)
 * @param round        the round of the launch (1..K); for a capacity probe, its number in the search
 * @param step         the ladder step (0-based), or for mixed the heavy share's; -1 for a capacity probe
 * @param offeredRate  requests per second asked of the measured group
 * @param heavyRate    mixed only: the heavy group's requests per second (0 otherwise)
 * @param leadInMillis the load before the window, not counted
 * @param load         the measured group's result (the light requests on established connections, for mixed);
 *                     null only when {@code error} says why
 * @param heavy        mixed only: the heavy group
 * @param fresh        mixed only: new connections, each timed from its connect to its first response
 * @param server       the server's figures over the measured part
 * @param interference the CPUs over the measured part, with the comparison's waiting servers as a side of their own
 * @param attempt      1, or 2.. when the window was measured again after a disturbed one
 * @param error        why the window has no measurement (the server died, the load failed), or why its responses
 *                     do not count (more errors than {@link Comparison#MAX_ERROR_SHARE}); null when it counts
 */
public record Window(String arm, String phase, int round, int step, double offeredRate, double heavyRate,
                     long leadInMillis, LoadResult load, LoadResult heavy, LoadResult fresh, ServerDeltas server,
                     Interference interference, int attempt, String error) {

    public static final String CAPACITY = "capacity";
    public static final String LADDER = "ladder";
    public static final String MIXED = "mixed";
    /** How the error of a window begins whose round was disturbed in sum: dropped, measured again, not failed. */
    public static final String ROUND_DISTURBED = "its round was disturbed in sum: ";

    /** Measured, its responses valid, and not disturbed: what figures are made of. */
    public boolean counted() {
        return error == null && load != null && server != null && interference != null && interference.clean();
    }

    /** Others took the CPUs: measured again, never used. */
    public boolean disturbed() {
        return error == null && interference != null && !interference.clean();
    }

    /** No valid measurement for a reason of the server's or its responses' (not a disturbed round's): a failure. */
    public boolean failed() {
        return error != null && !error.startsWith(ROUND_DISTURBED);
    }

    public double achievedRate() {
        return load == null ? 0 : load.requestsPerSecond();
    }

    /** The requests lost (timeouts, resets, parse errors) or answered with an unexpected status, as a share. */
    public double errorShare() {
        return errorShare(load);
    }

    public static double errorShare(LoadResult r) {
        if (r == null) {
            return 1;
        }
        long bad = r.errors().lostRequests() + r.errors().status();
        long all = r.requests() + r.errors().lostRequests();
        return all == 0 ? 1 : bad / (double) all;
    }

    /**
     * The server kept up with the offered rate: achieved at least {@link Comparison#SUSTAINED} of it, with at most
     * {@link Comparison#MAX_ERROR_SHARE} errors. A ladder window that did not is never used as a cost; one that did
     * is a cost at that rate whatever its latency, which is measured there, not a condition of it.
     */
    public boolean keptUp() {
        return load != null && achievedRate() >= Comparison.SUSTAINED * offeredRate
                && errorShare() <= Comparison.MAX_ERROR_SHARE;
    }

    /**
     * The offered rate was sustained, as a capacity probe needs: {@link #keptUp kept up} with a p99 under
     * {@code p99BoundMs}.
     */
    public boolean sustained(double p99BoundMs) {
        return keptUp() && load.latency().percentileMs(99) <= p99BoundMs;
    }
}
