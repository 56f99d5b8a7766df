package poolbench.report;

import java.util.List;
import java.util.function.DoubleFunction;

/**
 * The median of a figure over repeats and the range it spanned: a report shows both, because a difference between
 * arms smaller than the range between repeats of one arm is not a difference.
 */
record Spread(double median, double min, double max, int n) {

    static Spread of(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).filter(Double::isFinite).sorted().toArray();
        if (v.length == 0) {
            return new Spread(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        return new Spread(median(v), v[0], v[v.length - 1], v.length);
    }

    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length == 0 ? Double.NaN : median(v);
    }

    boolean empty() {
        return n == 0;
    }

    /** "1,234" for one value, "1,234 (1,200–1,300)" for several, "–" for none. */
    String format(DoubleFunction<String> number) {
        if (n == 0) {
            return "–";
        }
        String low = number.apply(min);
        String high = number.apply(max);
        // A range that rounds to one number says nothing the median does not.
        if (n == 1 || low.equals(high)) {
            return number.apply(median);
        }
        return number.apply(median) + " (" + low + "–" + high + ")";
    }
}
