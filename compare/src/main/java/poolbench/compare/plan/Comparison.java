package poolbench.compare.plan;

import java.time.Duration;
import java.util.List;

/**
 * Arms compared at one workload point, at stated operating points (DESIGN.md, Operating points). Every arm of a
 * comparison runs at once, each in a JVM of its own with the same flags and CPU quota, and takes the load in short
 * windows, in a new random order each round, so that drift and bouts of steal land on every arm alike; the whole is
 * launched several times, since launch-to-launch variance dominates in a JVM, and intervals resample launches.
 *
 * <ul>
 *   <li><b>Capacity</b> (first launch): for each arm, the highest offered rate it sustains (achieved ≥ 99% of
 *   offered, p99 at most {@code p99BoundMs}, errors at most 1%), found by a bounded search.</li>
 *   <li><b>Cost at equal load</b>: every arm open-loop at the same offered rates, {@code ladder} × the weakest
 *   arm's capacity, K rounds per launch; later launches keep the first launch's rates.</li>
 *   <li><b>Mixed</b> (a workload with a heavy group): instead of a ladder of light rates, a ladder of the heavy
 *   group's share of the server's CPU ({@code heavyShares}), the light requests at a fixed low rate on connections
 *   established before the heavy group starts, and new connections opened throughout.</li>
 * </ul>
 *
 * @param workload    what is asked for, and how connections behave
 * @param connections the connection count of the measured group
 * @param arms        the labels compared ({@link ArmLabel}); the A/A arm among them where the suite has one
 * @param ladder      the offered rates as fractions of the weakest arm's capacity
 * @param heavyShares mixed only: the heavy group's offered CPU as a share of the server's CPU
 * @param rounds      rounds of windows per launch
 * @param launches    how often every arm's JVM is started anew
 * @param warmup      each arm's closed-loop warm-up at the start of a launch (extended until steady, up to
 *                    {@code warmupLimit})
 * @param warmupLimit the longest warm-up
 * @param leadIn      the load before each window that is not counted: connections open, pooled workers that
 *                    were reaped while the arm waited are started again, and the rate settles
 * @param window      the measured part of each window (at least 1 s: /proc ticks are 10 ms)
 * @param searchSteps the most capacity probes per arm
 * @param p99BoundMs  a capacity probe whose p99 exceeds this is not sustained (ladder steps only need to keep up)
 * @param jvm         the heap and collector of every server JVM
 */
public record Comparison(Workload workload, int connections, List<String> arms, List<Double> ladder,
                         List<Double> heavyShares, int rounds, int launches, Duration warmup, Duration warmupLimit,
                         Duration leadIn, Duration window, int searchSteps, double p99BoundMs, JvmSetting jvm) {

    /**
     * The ladder's rates as shares of the weakest arm's capacity. The top step is 75%, not 80%: the capacity comes
     * from one launch's search, which varied by 1.8× between runs for the thread per connection on close, and a
     * step set from an overestimate is more than a later launch can keep up with.
     */
    public static final List<Double> DEFAULT_LADDER = List.of(0.25, 0.5, 0.75);
    public static final List<Double> DEFAULT_HEAVY_SHARES = List.of(0.5, 0.9);
    /** No interval comes from fewer launches than this (DESIGN.md). */
    public static final int MIN_LAUNCHES = 3;
    /** Sustained: achieved at least this share of the offered rate. */
    public static final double SUSTAINED = 0.99;
    /** Sustained: at most this share of requests lost or answered with an unexpected status. */
    public static final double MAX_ERROR_SHARE = 0.01;
    /** Capacity is the server's only when the load's CPUs were less busy than this at that rate. */
    public static final double LOAD_HEADROOM = 0.8;
    /** Mixed: the light group's rate, on its established connections. */
    public static final double MIXED_LIGHT_RATE = 200;
    /** Mixed: new connections opened per second, each timed from connect to first response. */
    public static final double MIXED_FRESH_RATE = 20;
    /** Mixed: a light or new-connection request unanswered this long is unanswered (far above a heavy request). */
    public static final Duration MIXED_TIMEOUT = Duration.ofSeconds(2);

    public Comparison {
        arms = List.copyOf(arms);
        ladder = List.copyOf(ladder);
        heavyShares = List.copyOf(heavyShares);
        if (window.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("a comparison window must be at least 1 s (ticks are 10 ms), was "
                    + window);
        }
        if (launches < 1 || rounds < 1) {
            throw new IllegalArgumentException("a comparison needs at least one launch and one round");
        }
    }

    /** A comparison of the suite's default shape: the default ladder, at the default JVM. */
    public static Comparison of(Workload workload, int connections, List<String> arms, int rounds, int launches,
                         Duration warmup, Duration warmupLimit, Duration leadIn, Duration window, int searchSteps) {
        return new Comparison(workload, connections, arms, DEFAULT_LADDER, DEFAULT_HEAVY_SHARES, rounds, launches,
                warmup, warmupLimit, leadIn, window, searchSteps, p99Bound(workload), JvmSetting.DEFAULT);
    }

    /**
     * The latency a sustained rate may have at p99: 50 ms beyond what the request asks the server to wait
     * (a sleep, a downstream call). A quota's throttling adds up to one period minus the quota to a request that
     * lands on it, well inside this; a server past its capacity queues far beyond it within a second.
     */
    public static double p99Bound(Workload w) {
        return 50 + w.waitMillis();
    }

    public boolean mixed() {
        return workload.mixed();
    }

    /** {@code plaintext-c64}, with the JVM setting when it is not the default. */
    public String id() {
        return workload.name() + "-c" + connections + (jvm.isDefault() ? "" : "-" + jvm.label());
    }

    /** The steps of a launch's ladder: light rates, or for mixed the heavy group's shares. */
    public int steps() {
        return mixed() ? heavyShares.size() : ladder.size();
    }

    public Comparison withArms(List<String> labels) {
        return new Comparison(workload, connections, labels, ladder, heavyShares, rounds, launches, warmup,
                warmupLimit, leadIn, window, searchSteps, p99BoundMs, jvm);
    }

    public Comparison withLaunches(int n) {
        return new Comparison(workload, connections, arms, ladder, heavyShares, rounds, n, warmup, warmupLimit,
                leadIn, window, searchSteps, p99BoundMs, jvm);
    }

    public Comparison at(JvmSetting setting) {
        return new Comparison(workload, connections, arms, ladder, heavyShares, rounds, launches, warmup,
                warmupLimit, leadIn, window, searchSteps, p99BoundMs, setting);
    }
}
