package poolbench.compare;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * How much to run: which workloads at which connection counts, for how long, how many times. Every arm gets
 * the same suite.
 *
 * @param warmup   load before the measured window, on the same server JVM, not recorded
 * @param duration the measured window
 * @param repeats  how often each arm × workload × connection count runs (each on a fresh JVM)
 * @param warmupLimit the longest warm-up: after {@code warmup}, one-second rounds continue until two consecutive
 *                 ones agree within {@link #STEADY_WITHIN}, or this is reached
 * @param sweep    the heap × collector sweep run beside the workloads (empty: none)
 */
public record Suite(String name, List<Workload> workloads, Duration warmup, Duration duration, int repeats,
                    Duration warmupLimit, Sweep sweep) {

    /** Two consecutive one-second throughputs this close (relative) mean the server is warm. */
    public static final double STEADY_WITHIN = 0.05;
    /** A JIT-compiled server is not warm after 2 s: C2 compiles the hot path over several seconds of load. */
    static final Duration WARMUP_LIMIT = Duration.ofSeconds(10);

    /**
     * Some arms on some workload points again at each heap × collector, each a fresh JVM: where Quarkus found
     * pooled virtual threads gain on a large heap and lose on a small one.
     *
     * @param settings the heap × collector combinations
     * @param arms     the arms swept (those not chosen for the run are left out)
     * @param points   workload name and connection count pairs, as {@code downstream@10000}
     */
    public record Sweep(List<JvmSetting> settings, List<String> arms, List<String> points) {
        public static final Sweep NONE = new Sweep(List.of(), List.of(), List.of());

        public static final List<String> HEAPS = List.of("256m", "1g", "4g");

        /** Whether {@code arm} on this workload point runs at each setting ("*" covers everything). */
        boolean covers(String arm, String workload, int connections) {
            return (arms.contains("*") || arms.contains(arm))
                    && (points.contains("*") || points.contains(workload + "@" + connections));
        }

        /** Whether the settings replace the default JVM (--heaps/--gcs) instead of adding to it. */
        boolean replacesDefault() {
            return points.contains("*");
        }
    }

    /** A suite whose warm-up is fixed. */
    public Suite(String name, List<Workload> workloads, Duration warmup, Duration duration, int repeats) {
        this(name, workloads, warmup, duration, repeats, warmup);
    }

    /** A suite without a heap × collector sweep. */
    public Suite(String name, List<Workload> workloads, Duration warmup, Duration duration, int repeats,
                 Duration warmupLimit) {
        this(name, workloads, warmup, duration, repeats, warmupLimit, Sweep.NONE);
    }

    public static final List<String> NAMES = List.of("smoke", "quick", "full");

    public static Suite named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "smoke" -> smoke();
            case "quick" -> quick();
            case "full" -> full();
            default -> throw new IllegalArgumentException(
                    "unknown suite '" + name + "'; valid suites: " + String.join(", ", NAMES));
        };
    }

    /** Every arm, tiny, downstream and db included: proves the pipeline end to end in about a minute. */
    static Suite smoke() {
        return new Suite("smoke", List.of(Workload.plaintext(List.of(8), List.of(8)),
                Workload.plaintextClose(List.of(4), List.of(4)),
                Workload.downstream(List.of(8)),
                Workload.db(List.of(8))),
                Duration.ofMillis(200), Duration.ofMillis(500), 1);
    }

    /**
     * One pass over every workload (db aside: its PostgreSQL belongs to full) and one small downstream point: the
     * default, 35 runs of 8 s, about five minutes for the five arms.
     */
    static Suite quick() {
        return new Suite("quick", List.of(
                Workload.plaintext(List.of(64), List.of(64)),
                Workload.plaintextSocketTimeouts(List.of(64)),
                Workload.plaintextClose(List.of(16), List.of(16)),
                Workload.sleep(List.of(500), List.of(500)),
                Workload.cpu(List.of(64)),
                Workload.overload(List.of(256)),
                Workload.burst(List.of(128), Duration.ofSeconds(3)),
                Workload.downstream(List.of(100)),
                Workload.mixed(List.of(62))),
                Duration.ofSeconds(2), Duration.ofSeconds(4), 1, WARMUP_LIMIT);
    }

    /**
     * Connection sweeps (downstream to 10,000), the buffer-ownership split, db, the heap × collector sweep and
     * three repeats, for publishing: 378 runs of about 9 s, about an hour with the references (fewer workloads
     * for them: they set the scale). The README's table does the arithmetic.
     */
    static Suite full() {
        return new Suite("full", List.of(
                Workload.plaintext(List.of(16, 64, 256), List.of(64)),
                Workload.plaintextSocketTimeouts(List.of(64)),
                Workload.plaintextClose(List.of(16, 64), List.of(64)),
                Workload.plaintextCloseConnectionBuffers(List.of(64)),
                Workload.pipelined(List.of(16)),
                Workload.sleep(List.of(100, 1000), List.of(1000)),
                Workload.cpu(List.of(64)),
                Workload.overload(List.of(256)),
                Workload.burst(List.of(128), Duration.ofSeconds(4)),
                Workload.downstream(List.of(1000, 10_000)),
                Workload.db(List.of(64)),
                Workload.mixed(List.of(62))),
                Duration.ofSeconds(2), Duration.ofSeconds(5), 3, WARMUP_LIMIT,
                new Sweep(JvmSetting.combinations(Sweep.HEAPS, JvmSetting.COLLECTORS),
                        List.of("virtual", "virtual-pooled", "classic"),
                        List.of(Workload.DOWNSTREAM + "@10000", Workload.SLEEP + "@1000")));
    }

    /** This suite with only the named workloads (kept in the suite's order). */
    public Suite onlyWorkloads(List<String> names) {
        for (String n : names) {
            if (!Workload.NAMES.contains(n)) {
                throw new IllegalArgumentException(
                        "unknown workload '" + n + "'; valid workloads: " + String.join(", ", Workload.NAMES));
            }
        }
        List<Workload> kept = workloads.stream().filter(w -> names.contains(w.name())).toList();
        if (kept.isEmpty()) {
            throw new IllegalArgumentException("suite " + name + " has none of the workloads " + names
                    + "; it has " + workloads.stream().map(Workload::name).toList());
        }
        return new Suite(name, kept, warmup, duration, repeats, warmupLimit, sweep);
    }

    /** This suite with every workload at each of {@code settings} instead of its own sweep. */
    public Suite atEvery(List<JvmSetting> settings) {
        return new Suite(name, workloads, warmup, duration, repeats, warmupLimit,
                new Sweep(settings, List.of("*"), List.of("*")));
    }

    public Suite withRepeats(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("--repeats must be at least 1, was " + n);
        }
        return new Suite(name, workloads, warmup, duration, n, warmupLimit, sweep);
    }
}
