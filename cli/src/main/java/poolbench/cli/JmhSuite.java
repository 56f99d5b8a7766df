package poolbench.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The presets of {@code poolbench jmh --suite}: each is the JMH options of one suite, before the profiler and the
 * result file. {@link JmhPlan} reads the same options to say what a suite runs and for how long.
 *
 * <p>JMH's error is the 99.9% interval of the mean of every measured iteration of a score, so its width in
 * standard deviations of one iteration is t(0.9995, n - 1) / √n for n iterations over all forks: 18 for 3, 1.5 for
 * 10, 0.67 for 30. More iterations narrow it; iterations long enough to average out a scheduler hiccup keep the
 * standard deviation down.
 */
enum JmhSuite {

    /**
     * The first look, in about 5 minutes: one fork of 3 × 1 s warm-up and 30 × 200 ms measured iterations (0.67
     * standard deviations), only the large {@code stateKiB}. One fork cannot show how forks differ; that is the
     * full suite's job.
     */
    QUICK(1, 3, Duration.ofSeconds(1), 30, Duration.ofMillis(200), List.of("stateKiB=512")),
    /** Every parameter within 45 minutes: 3 forks of 5 × 1 s warm-up and 8 × 2 s measured (24, 0.77 deviations). */
    FULL(3, 5, Duration.ofSeconds(1), 8, Duration.ofSeconds(2), List.of());

    final int forks;
    final int warmupIterations;
    final Duration warmupTime;
    final int iterations;
    final Duration iterationTime;
    /** {@code name=value} for JMH's {@code -p}: the parameters this suite narrows. */
    final List<String> params;

    JmhSuite(int forks, int warmupIterations, Duration warmupTime, int iterations, Duration iterationTime,
             List<String> params) {
        this.forks = forks;
        this.warmupIterations = warmupIterations;
        this.warmupTime = warmupTime;
        this.iterations = iterations;
        this.iterationTime = iterationTime;
        this.params = params;
    }

    /**
     * The JMH options: forks, iterations, parameters, and every fork on the compare suite's server heap and
     * collector. With JMH's default heap (a quarter of the machine's memory, grown on demand) an allocating
     * benchmark measures the kernel handing out fresh pages as the young generation grows
     * (ParseBenchmark.perConnectionBuffers measured 75 us/op so, 8 us/op with a fixed heap).
     */
    List<String> options() {
        List<String> options = new ArrayList<>(List.of("-f", Integer.toString(forks),
                "-wi", Integer.toString(warmupIterations), "-w", jmhTime(warmupTime),
                "-i", Integer.toString(iterations), "-r", jmhTime(iterationTime)));
        for (String p : params) {
            options.addAll(List.of("-p", p));
        }
        options.addAll(List.of("-jvmArgsAppend", forkJvmFlags()));
        return List.copyOf(options);
    }

    /** The flags every fork gets, as one {@code -jvmArgsAppend} value. */
    static String forkJvmFlags() {
        return JvmFlagsCommand.defaultFlags();
    }

    /** "3 forks, 5 x 1 s warm-up, 8 x 2 s measurement": the options as a reader says them. */
    String describe() {
        return forks + (forks == 1 ? " fork, " : " forks, ") + warmupIterations + " x " + readable(warmupTime)
                + " warm-up, " + iterations + " x " + readable(iterationTime) + " measurement"
                + (params.isEmpty() ? ", every parameter" : ", " + String.join(", ", params));
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static JmhSuite named(String name) {
        for (JmhSuite s : values()) {
            if (s.label().equals(name)) {
                return s;
            }
        }
        throw new Main.UsageException("unknown suite '" + name + "'; valid suites: "
                + Arrays.stream(values()).map(JmhSuite::label).collect(Collectors.joining(", ")));
    }

    /** JMH's time syntax: {@code 200ms}, {@code 2s}. */
    private static String jmhTime(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    private static String readable(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }
}
