package poolbench.report.run;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * One row of a JMH JSON result file ({@code -rf json}), reduced to what reports show.
 *
 * @param className     the benchmark class's simple name, e.g. {@code HandOffBenchmark}
 * @param method        the benchmark method, e.g. {@code oneSubmitter}
 * @param mode          JMH's short mode name: {@code thrpt}, {@code avgt}, {@code sample}, {@code ss}
 * @param params        the @Param values, in JMH's order
 * @param score         the primary metric
 * @param scoreError    JMH's 99.9% confidence half-width; NaN when JMH could not compute one (a single iteration)
 * @param allocBytesPerOp {@code gc.alloc.rate.norm} from {@code -prof gc}; NaN when the run had no GC profiler
 */
public record JmhResult(String className, String method, String mode, int threads, Map<String, String> params,
                        double score, double scoreError, String scoreUnit, double allocBytesPerOp) {

    /** A score whose 99.9% error is more than this share of it cannot be read on its own. */
    public static final double MAX_RELATIVE_ERROR = 0.10;

    /** The error as a share of the score; not a number when JMH gave none (a single iteration, a percentile). */
    public double relativeError() {
        return Double.isFinite(scoreError) && score != 0 ? Math.abs(scoreError / score) : Double.NaN;
    }

    /**
     * A chart shows a score only when its error is at most this share of it: a bar is read as the figure, and its
     * error bar is easy to overlook. It is what the quick JMH preset is sized to reach.
     */
    public static final double MAX_CHARTED_ERROR = 0.15;

    /** Why a chart leaves this score out ("±23% > 15%", "no error from JMH"), or empty when it may be charted. */
    public java.util.Optional<String> notCharted() {
        double e = relativeError();
        if (!Double.isFinite(e)) {
            return java.util.Optional.of("no error from JMH");
        }
        return e > MAX_CHARTED_ERROR ? java.util.Optional.of("±" + Numbers.percent(e) + " > "
                + Numbers.percent(MAX_CHARTED_ERROR)) : java.util.Optional.empty();
    }

    public boolean imprecise() {
        return relativeError() > MAX_RELATIVE_ERROR;
    }

    public String param(String name) {
        return params.getOrDefault(name, "");
    }

    /** "target=CLASSIC_POOL, jobs=2", or "" without params. */
    public String paramsText() {
        return params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    /** The score in microseconds per operation, from whichever time unit the benchmark reported; NaN for rates. */
    public double microsPerOp() {
        return TimeUnits.microsPerOp(score, scoreUnit);
    }

    /** The error half-width converted like {@link #microsPerOp()}. */
    public double microsPerOpError() {
        return TimeUnits.microsPerOp(scoreError, scoreUnit);
    }

    /** JMH's time units as they appear in {@code scoreUnit}. */
    static final class TimeUnits {

        private static final Map<String, Double> MICROS = Map.of("ns/op", 1e-3, "us/op", 1.0, "ms/op", 1e3,
                "s/op", 1e6);

        private TimeUnits() {
        }

        public static double microsPerOp(double value, String unit) {
            Double factor = MICROS.get(unit);
            return factor == null ? Double.NaN : value * factor;
        }
    }
}
