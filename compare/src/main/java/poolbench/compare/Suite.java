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
 */
public record Suite(String name, List<Workload> workloads, Duration warmup, Duration duration, int repeats,
                    Duration warmupLimit) {

    /** Two consecutive one-second throughputs this close (relative) mean the server is warm. */
    public static final double STEADY_WITHIN = 0.05;
    /** A JIT-compiled server is not warm after 2 s: C2 compiles the hot path over several seconds of load. */
    static final Duration WARMUP_LIMIT = Duration.ofSeconds(10);

    /** A suite whose warm-up is fixed. */
    public Suite(String name, List<Workload> workloads, Duration warmup, Duration duration, int repeats) {
        this(name, workloads, warmup, duration, repeats, warmup);
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

    /** Every arm, tiny: proves the pipeline end to end in well under a minute. */
    static Suite smoke() {
        return new Suite("smoke", List.of(Workload.plaintext(List.of(8), List.of(8)),
                Workload.plaintextClose(List.of(4), List.of(4))),
                Duration.ofMillis(200), Duration.ofMillis(500), 1);
    }

    /** One pass over every workload: the default, about five minutes for the five arms. */
    static Suite quick() {
        return new Suite("quick", List.of(
                Workload.plaintext(List.of(64), List.of(64)),
                Workload.plaintextClose(List.of(16), List.of(16)),
                Workload.sleep(List.of(500), List.of(500)),
                Workload.cpu(List.of(64)),
                Workload.overload(List.of(256)),
                Workload.burst(List.of(128), Duration.ofSeconds(3)),
                Workload.mixed(List.of(62))),
                Duration.ofSeconds(2), Duration.ofSeconds(4), 1, WARMUP_LIMIT);
    }

    /**
     * Connection sweeps, the buffer-ownership split and three repeats, for publishing: about 40 minutes with
     * the references (fewer workloads for them: they set the scale).
     */
    static Suite full() {
        return new Suite("full", List.of(
                Workload.plaintext(List.of(16, 64, 256), List.of(64)),
                Workload.plaintextClose(List.of(16, 64), List.of(64)),
                Workload.plaintextCloseConnectionBuffers(List.of(64)),
                Workload.pipelined(List.of(16)),
                Workload.sleep(List.of(100, 1000), List.of(1000)),
                Workload.cpu(List.of(64)),
                Workload.overload(List.of(256)),
                Workload.burst(List.of(128), Duration.ofSeconds(4)),
                Workload.mixed(List.of(62))),
                Duration.ofSeconds(2), Duration.ofSeconds(5), 3, WARMUP_LIMIT);
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
        return new Suite(name, kept, warmup, duration, repeats, warmupLimit);
    }

    public Suite withRepeats(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("--repeats must be at least 1, was " + n);
        }
        return new Suite(name, workloads, warmup, duration, n, warmupLimit);
    }
}
