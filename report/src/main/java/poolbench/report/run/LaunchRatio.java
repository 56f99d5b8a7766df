package poolbench.report.run;

import java.util.List;

import poolbench.compare.plan.Comparison;

/**
 * One arm's figure over another's at one operating point, launch by launch: both arms ran in the same launch (at
 * once, in interleaved windows), so the launch's ratio cancels what the launch did to both. Launch-to-launch variance
 * is what dominates in a JVM, so the interval is over launches: the geometric mean of the per-launch ratios, with a
 * t-interval on their logarithms (mean ± t(0.975; n − 1) × s / √n, then exponentiated). Fewer than
 * {@link Comparison#MIN_LAUNCHES} launches give no interval.
 *
 * @param numerator   the arm on top, e.g. {@code per-connection}
 * @param denominator the arm below, e.g. {@code classic}
 * @param pairs       the launches in which both arms had a value, by launch
 */
public record LaunchRatio(String numerator, String denominator, List<Pair> pairs) {

    /** One launch's figures of the two arms. */
    public record Pair(int launch, double numerator, double denominator) {

        public double ratio() {
            return denominator == 0 ? Double.NaN : numerator / denominator;
        }
    }

    public LaunchRatio {
        pairs = List.copyOf(pairs);
    }

    public int launches() {
        return pairs.size();
    }

    /** Every ratio is a positive number: what logarithms need. */
    private boolean usable() {
        return !pairs.isEmpty() && pairs.stream().allMatch(p -> Double.isFinite(p.ratio()) && p.ratio() > 0);
    }

    private double[] logs() {
        return pairs.stream().mapToDouble(p -> Math.log(p.ratio())).toArray();
    }

    /** The geometric mean of the per-launch ratios; not a number without a usable pair. */
    public double geometricMean() {
        if (!usable()) {
            return Double.NaN;
        }
        double sum = 0;
        for (double l : logs()) {
            sum += l;
        }
        return Math.exp(sum / pairs.size());
    }

    /** The 95% interval over launches; {@link Interval#NONE} from fewer than the minimum of launches. */
    public Interval interval() {
        if (!usable() || pairs.size() < Comparison.MIN_LAUNCHES) {
            return Interval.NONE;
        }
        return tInterval(logs());
    }

    /** The 95% t-interval of the geometric mean of {@code e^logs}: on the logs, then exponentiated. */
    static Interval tInterval(double[] logs) {
        int n = logs.length;
        if (n < 2) {
            return Interval.NONE;
        }
        double mean = 0;
        for (double l : logs) {
            mean += l;
        }
        mean /= n;
        double squares = 0;
        for (double l : logs) {
            squares += (l - mean) * (l - mean);
        }
        double halfWidth = StudentT.quantile975(n - 1) * Math.sqrt(squares / (n - 1)) / Math.sqrt(n);
        return new Interval(Math.exp(mean - halfWidth), Math.exp(mean + halfWidth));
    }

    /** "3.00× (95% 2.61×–3.45× over 5 launches)", or why there is no interval. */
    public String summary() {
        if (!usable()) {
            return pairs.isEmpty() ? "no launch in which both had a value" : "n/a (a ratio over zero)";
        }
        String mean = Numbers.ratio(geometricMean());
        Interval i = interval();
        String over = pairs.size() == 1 ? "the one launch" : pairs.size() + " launches";
        return i.empty() ? mean + " over " + over + " (no interval from fewer than " + Comparison.MIN_LAUNCHES
                + " launches)" : mean + " (95% " + i.text(Numbers::ratio) + " over " + over + ")";
    }
}
