package poolbench.compare.plan;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import poolbench.compare.process.GoArms;

/**
 * How much to run, and what a suite contains: the comparisons that decide the measured claims (each at stated
 * operating points, see {@link Comparison}), and the single runs beside them (the demonstrations of fasthttp's
 * behaviour, the workloads shown for context, the reference servers), for how long and how many times.
 *
 * @param comparisons the comparisons, in the order they run
 * @param workloads   the single runs' workloads: one JVM per arm × workload × connection count × repeat
 * @param runArms     the arms of the single runs; empty for the arms compare was given
 * @param references  whether the single runs add the reference servers and the Go originals by default
 * @param warmup   a single run's load before its measured window, on the same server JVM, not recorded
 * @param duration a single run's measured window
 * @param repeats  how often each single run runs (each on a fresh JVM)
 * @param warmupLimit the longest warm-up: after {@code warmup}, one-second rounds continue until two consecutive
 *                 ones agree within {@link #STEADY_WITHIN}, or this is reached
 * @param sweep    the heap × collector sweep of single runs (empty: none)
 */
public record Suite(String name, List<Comparison> comparisons, List<Workload> workloads, List<String> runArms,
                    boolean references, Duration warmup, Duration duration, int repeats, Duration warmupLimit,
                    Sweep sweep) {

    /** Two consecutive one-second throughputs this close (relative) mean the server is warm. */
    public static final double STEADY_WITHIN = 0.05;
    /** A JIT-compiled server is not warm after 2 s: C2 compiles the hot path over several seconds of load. */
    public static final Duration WARMUP_LIMIT = Duration.ofSeconds(10);

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
        public boolean covers(String arm, String workload, int connections) {
            return (arms.contains("*") || arms.contains(arm))
                    && (points.contains("*") || points.contains(workload + "@" + connections));
        }

        /** Whether the settings replace the default JVM (--heaps/--gcs) instead of adding to it. */
        public boolean replacesDefault() {
            return points.contains("*");
        }
    }

    public Suite {
        comparisons = List.copyOf(comparisons);
        workloads = List.copyOf(workloads);
        runArms = List.copyOf(runArms);
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

    /** The arms of the article's question: the pool, a thread per connection, a virtual thread per connection. */
    private static final List<String> ARMS = List.of("classic", "jdk-pool", "per-connection", "virtual",
            "virtual-pooled");
    private static final String AA = ArmLabel.AA.label();
    private static final double SMOKE_P99_BOUND_MS = 500;

    /**
     * Every arm on one comparison (one launch, one round, two ladder steps) and every arm's single run on
     * downstream and db: proves the pipeline end to end in about a minute and a half. It decides nothing.
     */
    public static Suite smoke() {
        // A lenient latency bound: smoke proves the pipeline on whatever machine runs it, and decides nothing.
        Comparison plaintext = new Comparison(Workload.plaintext(List.of(8), List.of()), 8, ARMS, List.of(0.3, 0.6),
                Comparison.DEFAULT_HEAVY_SHARES, 1, 1, Duration.ofMillis(300), Duration.ofMillis(300),
                Duration.ofMillis(200), Duration.ofSeconds(1), 3, SMOKE_P99_BOUND_MS, JvmSetting.DEFAULT);
        return new Suite("smoke", List.of(plaintext), List.of(Workload.downstream(List.of(8)),
                Workload.db(List.of(8))), List.of(), false, Duration.ofMillis(200), Duration.ofMillis(500), 1,
                Duration.ofMillis(200), Sweep.NONE);
    }

    /**
     * The claims the quick suite decides (1, 3, 6 and 10) as comparisons of the arms they read, three launches of
     * one round each (the launches carry the interval; a round's windows still run in a random order), and the
     * demonstrations (2, 4, 5) as single runs of classic: within ten minutes on a 2-vCPU machine
     * ({@code compare --plan} prints the arithmetic).
     */
    public static Suite quick() {
        Duration warmup = Duration.ofMillis(1500);
        Duration limit = Duration.ofSeconds(6);
        Duration leadIn = Duration.ofMillis(500);
        Duration window = Duration.ofSeconds(1);
        int launches = Comparison.MIN_LAUNCHES;
        Workload mixed = Workload.mixed(List.of(16));
        return new Suite("quick", List.of(
                Comparison.of(Workload.plaintext(List.of(64), List.of()), 64, List.of("classic", AA, "virtual"), 1,
                        launches, warmup, limit, leadIn, window, 4),
                Comparison.of(Workload.plaintextClose(List.of(16), List.of()), 16,
                        List.of("classic", AA, "per-connection", "virtual"), 1, launches, warmup, limit, leadIn,
                        window, 4),
                Comparison.of(Workload.sleep(List.of(500), List.of()), 500, List.of("classic", AA, "virtual"), 1,
                        launches, warmup, limit, leadIn, window, 4),
                Comparison.of(mixed, 16, List.of("classic", AA, "virtual", ArmLabel.VIRTUAL_OFFLOAD.label()), 1,
                        launches, warmup, limit, Duration.ofSeconds(1), Duration.ofSeconds(2), 0)),
                List.of(Workload.overload(List.of(256)), Workload.burst(List.of(128), Duration.ofSeconds(3))),
                List.of("classic"), false, Duration.ofSeconds(2), Duration.ofSeconds(4), 1, WARMUP_LIMIT, Sweep.NONE);
    }

    /**
     * Every measured claim: the arms of the question on keep-alive, close, sleep, db and mixed, the socket-timeout
     * ablation, the Go originals on close (claim 7), the heap × collector sweep as comparisons at each setting
     * (claim 8), five launches of two rounds; single runs for the demonstrations and for context (overload,
     * burst, pipelined, cpu, downstream) with two repeats, the references beside them. {@code compare --plan}
     * prints its time.
     */
    public static Suite full() {
        Duration warmup = Duration.ofSeconds(2);
        Duration leadIn = Duration.ofMillis(500);
        Duration window = Duration.ofSeconds(1);
        int launches = 5;
        List<String> all = new java.util.ArrayList<>(List.of("classic", AA));
        all.addAll(ARMS.subList(1, ARMS.size()));
        List<String> close = new java.util.ArrayList<>(all);
        close.addAll(GoArms.NAMES);
        List<Comparison> comparisons = new java.util.ArrayList<>(List.of(
                Comparison.of(Workload.plaintext(List.of(64), List.of()), 64, all, 2, launches, warmup,
                        WARMUP_LIMIT, leadIn, window, 6),
                Comparison.of(Workload.plaintextClose(List.of(64), List.of()), 64, close, 2, launches, warmup,
                        WARMUP_LIMIT, leadIn, window, 6),
                Comparison.of(Workload.plaintextSocketTimeouts(List.of(64)), 64, List.of("classic", AA, "virtual"), 2,
                        launches, warmup, WARMUP_LIMIT, leadIn, window, 6),
                Comparison.of(Workload.sleep(List.of(1000), List.of()), 1000,
                        List.of("classic", AA, "per-connection", "virtual", "virtual-pooled"), 2, launches, warmup,
                        WARMUP_LIMIT, leadIn, window, 6),
                Comparison.of(Workload.db(List.of(64)), 64, all, 2, launches, warmup, WARMUP_LIMIT, leadIn, window, 6),
                Comparison.of(Workload.mixed(List.of(16)), 16, List.of("classic", AA, "virtual",
                        ArmLabel.VIRTUAL_OFFLOAD.label()), 2, launches, warmup, WARMUP_LIMIT, Duration.ofSeconds(1),
                        Duration.ofSeconds(2), 0)));
        Comparison swept = Comparison.of(Workload.sleep(List.of(1000), List.of()), 1000,
                List.of("virtual", "virtual-pooled", "classic"), 2, Comparison.MIN_LAUNCHES, warmup, WARMUP_LIMIT,
                leadIn, window, 5);
        for (JvmSetting setting : JvmSetting.combinations(Sweep.HEAPS, JvmSetting.COLLECTORS)) {
            comparisons.add(swept.at(setting));
        }
        return new Suite("full", comparisons, List.of(
                Workload.plaintext(List.of(64), List.of(64)),
                Workload.plaintextCloseConnectionBuffers(List.of(64)),
                Workload.pipelined(List.of(16)),
                Workload.cpu(List.of(64)),
                Workload.overload(List.of(256)),
                Workload.burst(List.of(128), Duration.ofSeconds(4)),
                Workload.downstream(List.of(1000))),
                List.of(), true, warmup, Duration.ofSeconds(5), 2, WARMUP_LIMIT, Sweep.NONE);
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
        List<Comparison> compared = comparisons.stream().filter(c -> names.contains(c.workload().name())).toList();
        if (kept.isEmpty() && compared.isEmpty()) {
            throw new IllegalArgumentException("suite " + name + " has none of the workloads " + names
                    + "; it has " + workloadNames());
        }
        return new Suite(name, compared, kept, runArms, references, warmup, duration, repeats, warmupLimit, sweep);
    }

    /** This suite with every workload at each of {@code settings} instead of its own sweep. */
    public Suite atEvery(List<JvmSetting> settings) {
        List<Comparison> swept = comparisons.stream().filter(c -> c.jvm().isDefault())
                .flatMap(c -> settings.stream().map(c::at)).toList();
        return new Suite(name, swept, workloads, runArms, references, warmup, duration, repeats, warmupLimit,
                new Sweep(settings, List.of("*"), List.of("*")));
    }

    /** The workloads of the comparisons and of the single runs, each once, in the suite's order. */
    public List<String> workloadNames() {
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
        comparisons.forEach(c -> names.add(c.workload().name()));
        workloads.forEach(w -> names.add(w.name()));
        return List.copyOf(names);
    }

    /**
     * The comparisons with only the labels whose arm was chosen (the A/A arm stays while classic does); a
     * comparison left with fewer than two labels compares nothing and is dropped.
     */
    public Suite forArms(List<String> chosen) {
        List<Comparison> kept = comparisons.stream()
                .map(c -> c.withArms(c.arms().stream().filter(l -> chosen.contains(ArmLabel.servedArm(l))
                        || chosen.contains(l)).toList()))
                .filter(c -> c.arms().size() >= 2).toList();
        return new Suite(name, kept, workloads, runArms, references, warmup, duration, repeats, warmupLimit, sweep);
    }

    /** Every comparison launched {@code n} times. */
    public Suite withLaunches(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("--launches must be at least 1, was " + n);
        }
        return new Suite(name, comparisons.stream().map(c -> c.withLaunches(n)).toList(), workloads, runArms,
                references, warmup, duration, repeats, warmupLimit, sweep);
    }

    public Suite withRepeats(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("--repeats must be at least 1, was " + n);
        }
        return new Suite(name, comparisons, workloads, runArms, references, warmup, duration, n, warmupLimit, sweep);
    }
}
