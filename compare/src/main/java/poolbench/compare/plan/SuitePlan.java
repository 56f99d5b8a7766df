package poolbench.compare.plan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import poolbench.compare.CompareOptions;
import poolbench.compare.CompareRun;

/**
 * What a suite will run and how long it will take, computed from the same {@link Suite} and {@link Comparison}
 * objects that run it ({@code compare --plan} prints it; the progress bar starts from it), so no document's cost
 * table can drift from the code.
 *
 * <p>The arithmetic per launch: the servers' start, each arm's warm-up (its fixed part and, where the limit allows,
 * {@link #TYPICAL_STEADY_ROUNDS} one-second rounds until steady), in the first launch each arm's capacity probes,
 * then rounds × arms × steps windows of lead-in + window + {@link #WINDOW_OVERHEAD}; a mixed window adds its
 * drain. A single run is its warm-up, its window, its idle phase and {@link #RUN_OVERHEAD} to start and stop a JVM.
 * The overheads are estimates from runs on a 2-vCPU VM; what is not in them is a disturbed window's repeat, which
 * is why quiet quick runs there took 20% and 34% longer than this plan while the hypervisor stole 3–8% at times.
 */
public record SuitePlan(List<Line> lines, Duration total) {

    /** Starting a launch's JVMs at once (under their quota, on the server CPUs), and the quiet check before. */
    public static final Duration LAUNCH_OVERHEAD = Duration.ofMillis(4_500);
    /** Reading the stats and /proc around a window, and the load's drain after it. */
    public static final Duration WINDOW_OVERHEAD = Duration.ofMillis(250);
    /** A mixed window's drain: the last light and new-connection answers, and the heavy group's stop. */
    public static final Duration MIXED_DRAIN = Duration.ofMillis(700);
    /** A mixed launch's heavy-request calibration per arm, beyond its warm-up. */
    public static final Duration CALIBRATION = Duration.ofMillis(1_700);
    /** Starting and stopping one single run's JVM, and its quiet check. */
    public static final Duration RUN_OVERHEAD = Duration.ofMillis(3_000);
    /** Warm-ups usually end after this many steady-state rounds beyond their fixed part. */
    public static final int TYPICAL_STEADY_ROUNDS = 2;

    /**
     * One comparison or group of single runs.
     *
     * @param what    {@code plaintext-c64: classic, classic-aa, virtual} or {@code single runs: overload@256 ...}
     * @param units   launches, or single runs
     * @param windows the comparison's windows (capacity probes included), 0 for single runs
     * @param time    its estimated time
     */
    public record Line(String what, int units, int windows, Duration time) {
    }

    public static SuitePlan of(Suite suite, List<Comparison> comparisons, List<Workload> runs) {
        List<Line> lines = new ArrayList<>();
        Duration total = Duration.ZERO;
        for (Comparison c : comparisons) {
            Line line = comparison(c);
            lines.add(line);
            total = total.plus(line.time());
        }
        if (!runs.isEmpty()) {
            Duration each = warmup(suite.warmup(), suite.warmupLimit()).plus(suite.duration()).plus(RUN_OVERHEAD);
            Duration time = each.multipliedBy(runs.size());
            for (Workload w : runs) {
                time = time.plus(w.idleAfter());
            }
            lines.add(new Line("single runs: " + String.join(", ", runs.stream().map(Workload::name).distinct()
                    .toList()), runs.size(), 0, time));
            total = total.plus(time);
        }
        return new SuitePlan(lines, total);
    }

    /** The suite as compare would run it here with {@code arms}: what {@code --plan} prints. */
    public static SuitePlan forOptions(CompareOptions options) {
        CompareRun run = new CompareRun(options, new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        Suite suite = options.effectiveSuite().forArms(options.arms());
        return of(suite, suite.comparisons(), run.scenarios(suite, CompareRun::isReference).stream()
                .map(CompareRun.Scenario::workload).toList());
    }

    public static Line comparison(Comparison c) {
        int arms = c.arms().size();
        Duration window = c.leadIn().plus(c.window()).plus(WINDOW_OVERHEAD).plus(c.mixed() ? MIXED_DRAIN
                : Duration.ZERO);
        int ladderWindows = c.rounds() * arms * c.steps();
        int probes = c.mixed() ? 0 : arms * c.searchSteps();
        Duration perLaunch = LAUNCH_OVERHEAD.plus(warmup(c.warmup(), c.warmupLimit()).multipliedBy(arms))
                .plus(c.mixed() ? CALIBRATION.multipliedBy(arms) : Duration.ZERO)
                .plus(window.multipliedBy(ladderWindows));
        Duration probing = c.leadIn().plus(c.window()).plus(WINDOW_OVERHEAD).multipliedBy(probes);
        Duration time = perLaunch.multipliedBy(c.launches()).plus(probing);
        return new Line(c.id() + ": " + String.join(", ", c.arms()), c.launches(),
                ladderWindows * c.launches() + probes, time);
    }

    private static Duration warmup(Duration fixed, Duration limit) {
        Duration cap = fixed.compareTo(limit) > 0 ? fixed : limit;
        Duration typical = fixed.plusSeconds(TYPICAL_STEADY_ROUNDS);
        return typical.compareTo(cap) > 0 ? cap : typical;
    }

    /** The plan as {@code --plan} prints it: a line per comparison and for the single runs, then the total. */
    public String text() {
        StringBuilder b = new StringBuilder();
        for (Line l : lines) {
            b.append(String.format(Locale.ROOT, "%-8s %s%n", minutes(l.time()),
                    l.what() + (l.windows() > 0 ? " (" + l.units() + " launches, " + l.windows() + " windows)"
                            : " (" + l.units() + " runs)")));
        }
        b.append(String.format(Locale.ROOT, "%-8s in all%n", minutes(total)));
        return b.toString();
    }

    public static String minutes(Duration d) {
        long s = d.toSeconds();
        return s / 60 + "m" + String.format(Locale.ROOT, "%02d", s % 60) + "s";
    }
}
