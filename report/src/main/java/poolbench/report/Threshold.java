package poolbench.report;

import java.util.List;
import java.util.function.DoubleFunction;

/**
 * A rule's threshold, written once: it prints itself into the rule's sentence and applies itself to the deciding
 * figure, so the printed rule and the verdict cannot drift apart.
 *
 * @param confirmAt a value at or above it confirms
 * @param refuteAt  a value below it (or, when {@code refuteInclusive}, at or below it) refutes
 * @param format    how the thresholds are written in the rule
 */
record Threshold(double confirmAt, double refuteAt, boolean refuteInclusive, DoubleFunction<String> format) {

    /** Confirmed at or above {@code t}, refuted below it: nothing is left between. */
    static Threshold atLeast(double t) {
        return new Threshold(t, t, false, Numbers::plain);
    }

    /** The same, for a threshold on a count. */
    static Threshold atLeastCount(double t) {
        return new Threshold(t, t, false, Numbers::count);
    }

    /** Confirmed at or above {@code confirmAt}, refuted at or below {@code refuteAt}; between is inconclusive. */
    static Threshold band(double confirmAt, double refuteAt) {
        return new Threshold(confirmAt, refuteAt, true, Numbers::plain);
    }

    boolean confirms(double v) {
        return v >= confirmAt;
    }

    boolean refutes(double v) {
        return refuteInclusive ? v <= refuteAt : v < refuteAt;
    }

    /** "≥ 2.00". */
    String confirmText() {
        return "≥ " + format.apply(confirmAt);
    }

    /** "< 2.00", or "≤ 1.00" for a band. */
    String refuteText() {
        return (refuteInclusive ? "≤ " : "< ") + format.apply(refuteAt);
    }

    /**
     * The rule's verdict clause, e.g. "confirmed when the whole 95% interval of the geometric mean of the pairs'
     * ratios is ≥ 2.00, refuted when it is wholly < 2.00, otherwise inconclusive".
     */
    String rule(Per per) {
        return switch (per) {
            case PAIR -> "confirmed when the whole 95% interval of the geometric mean of the pairs' ratios (bootstrap "
                    + "over pairs, widened by the run's A/A noise where it has an A/A arm) is " + confirmText()
                    + ", refuted when it is wholly " + refuteText() + ", otherwise inconclusive (the interval "
                    + "straddles the threshold)";
            case REPEAT -> "confirmed when " + confirmText() + " in every repeat, refuted when " + refuteText()
                    + " in every repeat, otherwise inconclusive";
        };
    }

    /**
     * Pairs: confirmed when the interval's low end confirms, refuted when its high end refutes. Repeats: confirmed when
     * every value confirms, refuted when every value refutes. Anything else (a straddle, no values, one that is not a
     * number) is inconclusive.
     */
    Verdict verdict(Figure f, Per per) {
        List<Double> values = f.numbers();
        if (values.isEmpty() || values.stream().anyMatch(v -> !Double.isFinite(v))) {
            return Verdict.INCONCLUSIVE;
        }
        if (per == Per.PAIR) {
            Figure.Interval i = f.interval();
            if (i.empty()) {
                return Verdict.INCONCLUSIVE;
            }
            return confirms(i.low()) ? Verdict.CONFIRMED : refutes(i.high()) ? Verdict.REFUTED : Verdict.INCONCLUSIVE;
        }
        if (values.stream().allMatch(this::confirms)) {
            return Verdict.CONFIRMED;
        }
        if (values.stream().allMatch(this::refutes)) {
            return Verdict.REFUTED;
        }
        return Verdict.INCONCLUSIVE;
    }

    /** Why {@code f} got {@code verdict}, in the rule's own words, naming the interval for pairs. */
    String reason(Verdict verdict, Figure f, Per per) {
        int n = f.values().size();
        if (per == Per.PAIR && !f.interval().empty()) {
            String interval = "the 95% interval " + f.interval().text(f.format()) + " (geometric mean "
                    + f.format().apply(f.geometricMean()) + " over " + (n == 1 ? "the one pair" : n + " pairs") + ")";
            return switch (verdict) {
                case CONFIRMED -> interval + " is wholly " + confirmText();
                case REFUTED -> interval + " is wholly " + refuteText();
                case INCONCLUSIVE -> interval + " straddles " + (confirmAt == refuteAt
                        ? format.apply(confirmAt) : confirmText() + " / " + refuteText());
            };
        }
        String unit = per.noun();
        return switch (verdict) {
            case CONFIRMED -> confirmText() + " in " + Numbers.all(n, unit);
            case REFUTED -> refuteText() + " in " + Numbers.all(n, unit);
            case INCONCLUSIVE -> confirmAt == refuteAt
                    ? "the " + unit + "s fall on both sides of " + format.apply(confirmAt)
                    + " (or one could not be computed)"
                    : "the " + unit + "s are not all " + confirmText() + " nor all " + refuteText();
        };
    }
}
