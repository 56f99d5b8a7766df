package poolbench.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleFunction;

/**
 * A figure per repeat: what a claim's rule reads (or shows beside it), what a table cell summarises, what a chart bar
 * stands for. One value per repeat, each with the counts it came from, and the median and range over them: a report
 * shows both, because a difference between arms smaller than the range between repeats of one arm is not a
 * difference.
 *
 * @param label   what the figure is, e.g. "classic ÷ per-connection requests/s, plaintext-close"
 * @param values  one per repeat (and connection count)
 * @param format  how a value is written: {@link Numbers#ratio} for ratios, {@link Numbers#count} for counts
 * @param decides whether a rule's verdict is computed from it
 * @param ratio   a ratio between two arms, pair by pair: summarised by its geometric mean and a 95% interval
 * @param noise   the run's A/A noise floor for this figure, relative (0.08 = ±8%): the interval is widened by it
 */
record Figure(String label, List<Repeat> values, DoubleFunction<String> format, boolean decides, boolean ratio,
              double noise) {

    /** Bootstrap resamples: enough that the interval's ends move less than the figures' rounding. */
    static final int RESAMPLES = 10_000;
    /** A fixed seed, so the same records give the same report. */
    static final long SEED = 20261201L;
    static final double CONFIDENCE = 0.95;
    /**
     * Fewer pairs than this have no spread of their own worth the name (one pair has none; the bootstrap over two
     * is their range), so their interval is widened by at least {@link #FEW_PAIRS_NOISE}.
     */
    static final int MIN_PAIRS = 3;
    /**
     * How far a figure can move from one run to the next on a quiet machine of this kind: ±20%, the design's own
     * measure ("numbers move ±20% between runs even on a quiet machine", DESIGN.md, What to aim for). One or two
     * pairs cannot show their own movement, so this is assumed for them; a quick run (one repeat) then confirms or
     * refutes only what a second run could not turn around.
     */
    static final double FEW_PAIRS_NOISE = 0.20;

    /** A figure per repeat that is not a ratio between arms. */
    Figure(String label, List<Repeat> values, DoubleFunction<String> format, boolean decides) {
        this(label, values, format, decides, false, 0);
    }

    /** The lower and upper end of an interval. */
    record Interval(double low, double high) {

        boolean empty() {
            return !Double.isFinite(low) || !Double.isFinite(high);
        }

        /** "2.31×–2.80×". */
        String text(DoubleFunction<String> format) {
            return format.apply(low) + "–" + format.apply(high);
        }
    }

    /**
     * One repeat's value, and what it came from, e.g. {@code 2.31} from {@code "9,812 ÷ 4,250"}.
     */
    record Repeat(int connections, int repeat, double value, String detail) {

        /** One arm's figure over another's in the same repeat; a ratio over zero is not a number and decides nothing. */
        static Repeat ratio(int connections, int repeat, double numerator, double denominator) {
            return new Repeat(connections, repeat, denominator == 0 ? Double.NaN : numerator / denominator,
                    Numbers.human(numerator) + " ÷ " + Numbers.human(denominator));
        }

        /** "c16 r2". */
        String where() {
            return "c" + connections + " r" + repeat;
        }
    }

    Figure {
        values = List.copyOf(values);
    }

    static Figure ratios(String label, List<Repeat> ratios, boolean decides) {
        return new Figure(label, ratios, Numbers::ratio, decides, true, 0);
    }

    /** This figure with the run's A/A noise floor (relative) added to its interval. */
    Figure withNoise(double relative) {
        return new Figure(label, values, format, decides, ratio, Double.isFinite(relative) ? relative : 0);
    }

    /** Every value is a positive number: what a geometric mean and its interval need. */
    private boolean allPositive() {
        return !values.isEmpty() && values.stream().allMatch(v -> Double.isFinite(v.value()) && v.value() > 0);
    }

    /** The geometric mean of the values; not a number when one is not a positive number. */
    double geometricMean() {
        if (!allPositive()) {
            return Double.NaN;
        }
        return Math.exp(values.stream().mapToDouble(v -> Math.log(v.value())).average().orElse(Double.NaN));
    }

    /**
     * The 95% interval of the geometric mean: percentile bootstrap over the pairs (resampled with replacement,
     * {@link #RESAMPLES} times, seeded), then widened on both sides by the A/A noise floor, or by
     * {@link #FEW_PAIRS_NOISE} when there are fewer than {@link #MIN_PAIRS} pairs and that is wider.
     */
    Interval interval() {
        Interval raw = spread();
        double widen = widening();
        return new Interval(raw.low() * (1 - widen), raw.high() * (1 + widen));
    }

    /** How much {@link #interval} widens the pairs' own spread by: the A/A noise, or the few-pairs floor. */
    double widening() {
        return values.size() < MIN_PAIRS ? Math.max(noise, FEW_PAIRS_NOISE) : noise;
    }

    /**
     * The pairs' own 95% interval (the bootstrap alone, nothing added): what the A/A figure's noise floor is read
     * from. One pair has no spread of its own, so its interval is its value.
     */
    Interval spread() {
        if (!allPositive()) {
            return new Interval(Double.NaN, Double.NaN);
        }
        double[] logs = values.stream().mapToDouble(v -> Math.log(v.value())).toArray();
        int n = logs.length;
        double[] means = new double[RESAMPLES];
        SplittableRandom random = new SplittableRandom(SEED);
        for (int i = 0; i < RESAMPLES; i++) {
            double sum = 0;
            for (int j = 0; j < n; j++) {
                sum += logs[random.nextInt(n)];
            }
            means[i] = sum / n;
        }
        Arrays.sort(means);
        double tail = (1 - CONFIDENCE) / 2;
        double low = Math.exp(means[(int) Math.floor(tail * (RESAMPLES - 1))]);
        double high = Math.exp(means[(int) Math.ceil((1 - tail) * (RESAMPLES - 1))]);
        return new Interval(low, high);
    }

    /** Bare numbers, for a table cell or a chart bar: no label, no connections, repeats counted from 1. */
    static Figure of(List<Double> numbers) {
        List<Repeat> values = new ArrayList<>();
        for (int i = 0; i < numbers.size(); i++) {
            values.add(new Repeat(0, i + 1, numbers.get(i), ""));
        }
        return new Figure("", values, Numbers::human, false);
    }

    static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length == 0 ? Double.NaN : median(v);
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    List<Double> numbers() {
        return values.stream().map(Repeat::value).toList();
    }

    /** The values that are numbers, sorted: 0 ÷ 0 gives none and counts for nothing. */
    private double[] finite() {
        return values.stream().mapToDouble(Repeat::value).filter(Double::isFinite).sorted().toArray();
    }

    /** No value is a number (or there are none): nothing to summarise. */
    boolean empty() {
        return finite().length == 0;
    }

    double median() {
        double[] v = finite();
        return v.length == 0 ? Double.NaN : median(v);
    }

    double min() {
        double[] v = finite();
        return v.length == 0 ? Double.NaN : v[0];
    }

    double max() {
        double[] v = finite();
        return v.length == 0 ? Double.NaN : v[v.length - 1];
    }

    /** "1,234" for one value, "1,234 (1,200–1,300)" for several, "–" for none, written by {@code number}. */
    String range(DoubleFunction<String> number) {
        double[] v = finite();
        if (v.length == 0) {
            return "–";
        }
        String low = number.apply(v[0]);
        String high = number.apply(v[v.length - 1]);
        // A range that rounds to one number says nothing the median does not.
        if (v.length == 1 || low.equals(high)) {
            return number.apply(median(v));
        }
        return number.apply(median(v)) + " (" + low + "–" + high + ")";
    }

    /**
     * "2.31× (2.20×–2.45×) over 3 repeats", or "no data"; a ratio adds its geometric mean and 95% interval:
     * "…; geometric mean 2.31×, 95% interval 2.10×–2.52×".
     */
    String summary() {
        if (values.isEmpty()) {
            return "no data";
        }
        if (empty()) {
            return "n/a (no repeat gave a number: e.g. 0 ÷ 0)";
        }
        String spread = range(format) + (values.size() == 1 ? " (one repeat)" : " over " + values.size() + " repeats");
        if (!ratio) {
            return spread;
        }
        Interval i = interval();
        if (i.empty()) {
            return spread;
        }
        return spread + "; geometric mean " + format.apply(geometricMean()) + ", 95% interval "
                + i.text(format) + widenedBy();
    }

    /** What the interval was widened by, in words: " (A/A noise ±2.1% included)", or nothing. */
    private String widenedBy() {
        if (values.size() < MIN_PAIRS && FEW_PAIRS_NOISE >= noise) {
            return " (fewer than " + MIN_PAIRS + " pairs: ±" + Numbers.percent(FEW_PAIRS_NOISE)
                    + " included, a quiet machine's run-to-run movement)";
        }
        return noise > 0 ? " (A/A noise ±" + Numbers.percent(noise) + " included)" : "";
    }
}
