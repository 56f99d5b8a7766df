package poolbench.server.stats;

/**
 * The process's context switches since it started, voluntary (a thread blocked: a read with nothing to read, a
 * park) and involuntary (the scheduler took the CPU away), as {@code getrusage(RUSAGE_SELF)} returns them
 * ({@code ru_nvcsw}, {@code ru_nivcsw}). The kernel adds a thread's counts to the process's when the thread ends,
 * so an arm that starts and ends a thread per connection is counted in full and the totals never decrease. Read
 * only when a stats snapshot is taken, never per request.
 *
 * <p>Summing {@code /proc/self/task/*}{@code /status} instead would drop every thread that ended, and
 * {@code /proc/self/status} shows the main thread alone; neither is used.
 *
 * @param voluntary   {@code ru_nvcsw}
 * @param involuntary {@code ru_nivcsw}
 * @param counted     false where getrusage cannot be called (see {@link SelfResourceUsage}); then both are 0
 */
public record ContextSwitches(long voluntary, long involuntary, boolean counted) {

    static final ContextSwitches NOT_COUNTED = new ContextSwitches(0, 0, false);

    /** This process's, now, counting threads that have ended. */
    public static ContextSwitches ofThisProcess() {
        return SelfResourceUsage.contextSwitches();
    }
}
