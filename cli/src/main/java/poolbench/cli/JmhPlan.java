package poolbench.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.Defaults;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.util.ListStatistics;

/**
 * What a JMH command line will run and for how long, worked out before it starts from the arguments JMH will get
 * and the benchmark list compiled into benchmarks.jar, expanded the way JMH's Runner expands them: the regexes pick
 * the benchmarks, {@code -bm} replaces their modes, {@code -p} their parameter values, and a count or a time not on
 * the command line comes from the benchmark's annotations, else from JMH's defaults.
 *
 * <p>A run is one benchmark method in one mode with one combination of parameter values, the unit JMH reports a
 * score for. Its time is forks × (warm-up iterations × their time + measured iterations × their time + the fork's
 * start).
 *
 * @param groups      the runs of each benchmark class that share their fork settings, in the order JMH runs them
 * @param singleShots runs in SingleShotTime mode, which have no time of their own (an iteration is one op) and are
 *                    left out of the estimate
 */
record JmhPlan(List<Group> groups, int singleShots) {

    /**
     * Starting a fork's JVM and its trial setup, beside its iterations: the full run of 2026-12-02
     * ({@code results/superseded/2026-12-02-3d1219c7/jmh}) took 37 min 43 s for 2,160 s of iterations in 144 forks, 0.7 s more
     * a fork; rounded up.
     */
    static final Duration FORK_START = Duration.ofSeconds(1);

    /** JMH's error is the half-width of this confidence interval of the mean. */
    static final double CONFIDENCE = 0.999;

    /** How every fork of a run is spent. */
    record Forks(int forks, int warmupForks, int warmupIterations, Duration warmupTime, int iterations,
                 Duration iterationTime) {

        Duration each() {
            return warmupTime.multipliedBy(warmupIterations).plus(iterationTime.multipliedBy(iterations))
                    .plus(FORK_START);
        }

        /** The iterations a score's mean and error are computed over (warm-up forks are discarded). */
        int measuredIterations() {
            return forks * iterations;
        }

        /** "3 forks x (5 x 1 s + 8 x 2 s + 1 s start)". */
        String describe() {
            return (warmupForks > 0 ? warmupForks + " warm-up + " : "") + forks + (forks == 1 ? " fork" : " forks")
                    + " x (" + warmupIterations + " x " + readable(warmupTime) + " + " + iterations + " x "
                    + readable(iterationTime) + " + " + readable(FORK_START) + " start)";
        }
    }

    /** Runs of one benchmark class with the same fork settings. */
    record Group(String benchmarkClass, Forks forks, int runs) {

        Duration time() {
            return forks.each().multipliedBy((long) runs * (forks.forks() + forks.warmupForks()));
        }
    }

    /** The plan of {@code jmhArguments} over {@code benchmarks}; a bad argument is a usage error, as JMH says it. */
    static JmhPlan of(List<String> jmhArguments, BenchmarkList benchmarks) {
        CommandLineOptions options;
        try {
            options = new CommandLineOptions(jmhArguments.toArray(String[]::new));
        } catch (CommandLineOptionException e) {
            throw new Main.UsageException("JMH cannot read these arguments: " + e.getMessage());
        }
        Map<List<Object>, Group> groups = new LinkedHashMap<>();
        int singleShots = 0;
        for (BenchmarkListEntry entry : expandModes(benchmarks.find(silent(), options.getIncludes(),
                options.getExcludes()), options.getBenchModes())) {
            int runs = parameterCombinations(entry, options);
            if (entry.getMode() == Mode.SingleShotTime) {
                singleShots += runs;
                continue;
            }
            String benchmarkClass = simpleName(entry.getUserClassQName());
            Forks forks = forks(entry, options);
            groups.merge(List.of(benchmarkClass, forks), new Group(benchmarkClass, forks, runs),
                    (a, b) -> new Group(a.benchmarkClass(), a.forks(), a.runs() + b.runs()));
        }
        return new JmhPlan(List.copyOf(groups.values()), singleShots);
    }

    int runs() {
        return groups.stream().mapToInt(Group::runs).sum() + singleShots;
    }

    Duration time() {
        return groups.stream().map(Group::time).reduce(Duration.ZERO, Duration::plus);
    }

    /** The estimate to the nearest minute, as the command's help says it. */
    long aboutMinutes() {
        return Math.round(time().toSeconds() / 60.0);
    }

    /** The plan as a table, one line per group, each with its arithmetic, and what JMH's error will mean. */
    String describe(String title) {
        List<String> lines = new ArrayList<>();
        lines.add(title + ": " + runs() + (runs() == 1 ? " run" : " runs")
                + " (a run: one benchmark in one mode with one set of parameter values), estimated " + readable(time()));
        int width = groups.stream().mapToInt(g -> g.benchmarkClass().length()).max().orElse(0);
        for (Group g : groups) {
            lines.add(String.format(Locale.ROOT, "  %-" + width + "s %3d %s x %s = %s", g.benchmarkClass(), g.runs(),
                    g.runs() == 1 ? "run " : "runs", g.forks().describe(), readable(g.time())));
        }
        if (singleShots > 0) {
            lines.add("  + " + singleShots + " SingleShotTime runs, not in the estimate: each iteration is one op");
        }
        lines.add("  start: a fork's JVM start and setup, " + readable(FORK_START) + " (0.7 s in the full run of "
                + "2026-12-02)");
        groups.stream().map(g -> g.forks().measuredIterations()).distinct().forEach(n -> lines.add(
                "  JMH's 99.9% error over " + n + " measured iterations: " + String.format(Locale.ROOT, "%.2f",
                        errorInDeviations(n)) + " x the standard deviation of one iteration (SampleTime's error is "
                        + "over its samples instead)"));
        return String.join("\n", lines) + "\n";
    }

    /**
     * The width of JMH's error in standard deviations of one iteration, for a mean over {@code n} iterations:
     * t(0.9995, n - 1) / √n, computed by JMH's own statistics; not a number below two iterations.
     */
    static double errorInDeviations(int n) {
        if (n < 2) {
            return Double.NaN;
        }
        double[] spread = new double[n];
        for (int i = 0; i < n; i++) {
            spread[i] = i;
        }
        ListStatistics statistics = new ListStatistics(spread);
        return statistics.getMeanErrorAt(CONFIDENCE) / statistics.getStandardDeviation();
    }

    /** "5 min 20 s", "2 min", "45 s", "1 h 2 min 3 s", "200 ms". */
    static String readable(Duration d) {
        if (d.compareTo(Duration.ofSeconds(1)) < 0) {
            return d.toMillis() + " ms";
        }
        List<String> parts = new ArrayList<>();
        if (d.toHours() > 0) {
            parts.add(d.toHours() + " h");
        }
        if (d.toMinutesPart() > 0) {
            parts.add(d.toMinutesPart() + " min");
        }
        if (d.toSecondsPart() > 0 || parts.isEmpty()) {
            parts.add(d.toSecondsPart() + (d.toMillisPart() > 0 ? "." + d.toMillisPart() / 100 : "") + " s");
        }
        return String.join(" ", parts);
    }

    /** JMH's Runner: {@code -bm} gives every benchmark those modes instead of its own; Mode.All is every mode. */
    private static SortedSet<BenchmarkListEntry> expandModes(SortedSet<BenchmarkListEntry> entries,
                                                            Collection<Mode> override) {
        SortedSet<BenchmarkListEntry> modes = new TreeSet<>();
        for (BenchmarkListEntry entry : entries) {
            if (override.isEmpty()) {
                modes.add(entry);
            } else {
                override.forEach(m -> modes.add(entry.cloneWith(m)));
            }
        }
        SortedSet<BenchmarkListEntry> expanded = new TreeSet<>();
        for (BenchmarkListEntry entry : modes) {
            if (entry.getMode() == Mode.All) {
                for (Mode m : Mode.values()) {
                    if (m != Mode.All) {
                        expanded.add(entry.cloneWith(m));
                    }
                }
            } else {
                expanded.add(entry);
            }
        }
        return expanded;
    }

    /** Every combination of the benchmark's parameter values, {@code -p} replacing a parameter's own values. */
    private static int parameterCombinations(BenchmarkListEntry entry, CommandLineOptions options) {
        int combinations = 1;
        for (Map.Entry<String, String[]> p : entry.getParams().orElse(Map.of()).entrySet()) {
            Collection<String> values = options.getParameter(p.getKey()).orElse(List.of(p.getValue()));
            if (values.isEmpty()) {
                throw new Main.UsageException(entry.getUsername() + " has no values for its parameter '"
                        + p.getKey() + "'; give them with -p " + p.getKey() + "=...");
            }
            combinations *= values.size();
        }
        return combinations;
    }

    /** JMH's precedence: the command line, then the benchmark's annotations, then JMH's defaults. */
    private static Forks forks(BenchmarkListEntry entry, CommandLineOptions options) {
        return new Forks(
                options.getForkCount().orElse(entry.getForks().orElse(Defaults.MEASUREMENT_FORKS)),
                options.getWarmupForkCount().orElse(entry.getWarmupForks().orElse(Defaults.WARMUP_FORKS)),
                options.getWarmupIterations().orElse(entry.getWarmupIterations().orElse(Defaults.WARMUP_ITERATIONS)),
                duration(options.getWarmupTime().orElse(entry.getWarmupTime().orElse(Defaults.WARMUP_TIME))),
                options.getMeasurementIterations().orElse(
                        entry.getMeasurementIterations().orElse(Defaults.MEASUREMENT_ITERATIONS)),
                duration(options.getMeasurementTime().orElse(
                        entry.getMeasurementTime().orElse(Defaults.MEASUREMENT_TIME))));
    }

    private static Duration duration(TimeValue t) {
        return Duration.ofNanos(t.convertTo(TimeUnit.NANOSECONDS));
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    private static OutputFormat silent() {
        return OutputFormatFactory.createFormatInstance(new PrintStream(OutputStream.nullOutputStream()),
                VerboseMode.SILENT);
    }
}
