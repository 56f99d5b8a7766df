package poolbench.report;

import java.util.List;
import java.util.function.DoubleFunction;

/**
 * A figure a claim's rule reads, per repeat, or one shown beside it for context.
 *
 * @param label   what the figure is, e.g. "classic ÷ per-connection requests/s, plaintext-close"
 * @param format  how a value is written: {@link Numbers#ratio} for ratios, {@link Numbers#count} for counts
 * @param decides whether the rule's verdict is computed from it
 */
record Evidence(String label, List<Measured> values, DoubleFunction<String> format, boolean decides) {

    static Evidence ratios(String label, List<RepeatRatio> ratios, boolean decides) {
        return new Evidence(label, ratios.stream().map(r -> Measured.of(r, Numbers::human)).toList(), Numbers::ratio,
                decides);
    }

    List<Double> numbers() {
        return values.stream().map(Measured::value).toList();
    }

    Spread spread() {
        return Spread.of(numbers());
    }

    /** "2.31× (2.20×–2.45×) over 3 repeats", or "no data". */
    String summary() {
        if (values.isEmpty()) {
            return "no data";
        }
        if (spread().empty()) {
            return "n/a (no repeat gave a number: e.g. 0 ÷ 0)";
        }
        return spread().format(format) + (values.size() == 1 ? " (one repeat)" : " over " + values.size() + " repeats");
    }
}
