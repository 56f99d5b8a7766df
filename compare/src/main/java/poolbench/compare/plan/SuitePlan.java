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
 * <p>The arithmetic per launch: the servers' start, the warm-up (in the first launch each arm's in turn, its fixed
 * part and {@link #TYPICAL_STEADY} of one-second rounds until steady, within its limit; in the later ones every
 * arm's at once, counted as one arm's limit), in the first launch each arm's capacity probes, then rounds × arms ×
 * steps windows of lead-in + window + {@link #WINDOW_OVERHEAD}; a mixed window adds its drain. Windows and probes
 * are counted {@link #REPEATED} more for the disturbed ones measured again. A single run is its warm-up, its
 * window, its idle phase and {@link #RUN_OVERHEAD} to start and stop a JVM, also counted {@link #REPEATED} more:
 * the gate retries a disturbed run whole, as it does a window.
 *
 * <p>The constants are what two quick runs on a 2-vCPU VM took (Temurin 25, 2026-12-02, launch records'
 * timestamps and warm-up times); the repeats depend on the machine's steal, which the plan cannot know.
 */
public record SuitePlan(List<Line> lines, Duration total) {

    /**
     * Starting a launch's JVMs at once (under their quota, on the server CPUs), the quiet check before and the stop
     * after: 6–8 s measured between one launch's last window and the next one's warm-up.
     */
    public static final Duration LAUNCH_OVERHEAD = Duration.ofMillis(7_000);
    /** Reading the stats and /proc around a window, and the load's drain after it. */
    public static final Duration WINDOW_OVERHEAD = Duration.ofMillis(100);
    /**
     * The share of windows and probes measured again after a disturbance: 16% and 34% in the two quick runs, most
     * of them after the hypervisor's steal, some after a miscount the accounting no longer makes.
     */
    public static final double REPEATED = 0.2;
    /** A mixed window's drain: the last light and new-connection answers, and the heavy group's stop. */
    public static final Duration MIXED_DRAIN = Duration.ofMillis(700);
    /** A mixed launch's heavy-request calibration per arm, beyond its warm-up. */
    public static final Duration CALIBRATION = Duration.ofMillis(1_700);
    /** Starting and stopping one single run's JVM, and its quiet check. */
    public static final Duration RUN_OVERHEAD = Duration.ofMillis(3_000);
    /**
     * A warm-up's one-second rounds beyond its fixed part until two agree: 3.5 s on average (warm-ups of 1.5 s fixed
     * took 3.5–7.1 s, a mean of 5.2 s, in the two quick runs).
     */
    public static final Duration TYPICAL_STEADY = Duration.ofMillis(3_500);

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
            Duration time = Duration.ZERO;
            for (Workload w : runs) {
                time = time.plus(singleRun(suite, w));
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
        Duration time = Duration.ZERO;
        for (int launch = 1; launch <= c.launches(); launch++) {
            time = time.plus(launch(c, launch));
        }
        return new Line(c.id() + ": " + String.join(", ", c.arms()), c.launches(),
                ladderWindows(c) * c.launches() + probes(c), time);
    }

    /**
     * Launch {@code n} of {@code c}: the first warms each arm up in turn and searches every arm's capacity; a later
     * one warms them all up at once and runs only the ladder's windows.
     */
    public static Duration launch(Comparison c, int n) {
        int arms = c.arms().size();
        Duration window = c.leadIn().plus(c.window()).plus(WINDOW_OVERHEAD).plus(c.mixed() ? MIXED_DRAIN
                : Duration.ZERO);
        Duration windows = repeated(window.multipliedBy(ladderWindows(c)));
        if (n > 1) {
            return LAUNCH_OVERHEAD.plus(limit(c.warmup(), c.warmupLimit())).plus(windows);
        }
        return LAUNCH_OVERHEAD.plus(warmup(c.warmup(), c.warmupLimit()).multipliedBy(arms))
                .plus(c.mixed() ? CALIBRATION.multipliedBy(arms) : Duration.ZERO)
                .plus(repeated(c.leadIn().plus(c.window()).plus(WINDOW_OVERHEAD).multipliedBy(probes(c))))
                .plus(windows);
    }

    /**
     * One single run of {@code w}: its warm-up, its window, its idle phase, and starting and stopping its JVM, with
     * the retries of the disturbed ones (the full run of 2026-12-03 made 101 attempts for its 80 single runs).
     */
    public static Duration singleRun(Suite suite, Workload w) {
        return repeated(warmup(suite.warmup(), suite.warmupLimit()).plus(suite.duration()).plus(RUN_OVERHEAD)
                .plus(w.idleAfter()));
    }

    private static int ladderWindows(Comparison c) {
        return c.rounds() * c.arms().size() * c.steps();
    }

    private static int probes(Comparison c) {
        return c.mixed() ? 0 : c.arms().size() * c.searchSteps();
    }

    private static Duration warmup(Duration fixed, Duration limit) {
        Duration cap = limit(fixed, limit);
        Duration typical = fixed.plus(TYPICAL_STEADY);
        return typical.compareTo(cap) > 0 ? cap : typical;
    }

    /** The longest a warm-up runs: its limit, or its fixed part when that is longer. */
    private static Duration limit(Duration fixed, Duration limit) {
        return fixed.compareTo(limit) > 0 ? fixed : limit;
    }

    private static Duration repeated(Duration measured) {
        return Duration.ofMillis(Math.round(measured.toMillis() * (1 + REPEATED)));
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
