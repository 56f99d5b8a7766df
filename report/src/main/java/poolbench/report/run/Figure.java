package poolbench.report.run;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleFunction;

/**
 * A figure per repeat of the single runs (or per launch and step, where a demonstration reads the comparisons): what
 * a demonstration reads, what a table cell summarises, what a chart bar stands for. One value per repeat, each with
 * the counts it came from, and the median and range over them: a report shows both, because a difference between
 * arms smaller than the range between repeats of one arm is not a difference. Ratios between arms at an operating
 * point are {@link LaunchRatio}s, with an interval over launches; a figure has none.
 *
 * @param label   what the figure is, e.g. "classic workers reaped, burst"
 * @param values  one per repeat (and connection count)
 * @param format  how a value is written: {@link Numbers#ratio} for ratios, {@link Numbers#count} for counts
 * @param decides whether a demonstration is read from it
 */
public record Figure(String label, List<Repeat> values, DoubleFunction<String> format, boolean decides) {

    /**
     * One repeat's value, and what it came from, e.g. {@code 2.31} from {@code "9,812 ÷ 4,250"}.
     */
    public record Repeat(int connections, int repeat, double value, String detail) {

        /** One arm's figure over another's in the same repeat; a ratio over zero is not a number. */
        public static Repeat ratio(int connections, int repeat, double numerator, double denominator) {
            return new Repeat(connections, repeat, denominator == 0 ? Double.NaN : numerator / denominator,
                    Numbers.human(numerator) + " ÷ " + Numbers.human(denominator));
        }

        /** "c16 r2". */
        public String where() {
            return "c" + connections + " r" + repeat;
        }
    }

    public Figure {
        values = List.copyOf(values);
    }

    /** Bare numbers, for a table cell or a chart bar: no label, no connections, repeats counted from 1. */
    public static Figure of(List<Double> numbers) {
        List<Repeat> values = new ArrayList<>();
        for (int i = 0; i < numbers.size(); i++) {
            values.add(new Repeat(0, i + 1, numbers.get(i), ""));
        }
        return new Figure("", values, Numbers::human, false);
    }

    public static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return v.length == 0 ? Double.NaN : median(v);
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    public List<Double> numbers() {
        return values.stream().map(Repeat::value).toList();
    }

    /** The values that are numbers, sorted: 0 ÷ 0 gives none and counts for nothing. */
    private double[] finite() {
        return values.stream().mapToDouble(Repeat::value).filter(Double::isFinite).sorted().toArray();
    }

    /** No value is a number (or there are none): nothing to summarise. */
    public boolean empty() {
        return finite().length == 0;
    }

    public double median() {
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
    public String range(DoubleFunction<String> number) {
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

    /** "2.31× (2.20×–2.45×) over 3 repeats", or "no data". */
    public String summary() {
        if (values.isEmpty()) {
            return "no data";
        }
        if (empty()) {
            return "n/a (no repeat gave a number: e.g. 0 ÷ 0)";
        }
        return range(format) + (values.size() == 1 ? " (one repeat)" : " over " + values.size() + " repeats");
    }
}
