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

    /** The rule's verdict clause, e.g. "confirmed when ≥ 2.00 in every pair, refuted when < 2.00 in every pair". */
    String rule(String unit) {
        return "confirmed when " + confirmText() + " in every " + unit + ", refuted when " + refuteText()
                + " in every " + unit + ", otherwise inconclusive";
    }

    /**
     * Confirmed when every value confirms, refuted when every value refutes, otherwise (values on both sides, none at
     * all, or one that is not a number) inconclusive: a verdict needs every repeat to agree.
     */
    Verdict verdict(Figure f) {
        List<Double> values = f.numbers();
        if (values.isEmpty() || values.stream().anyMatch(v -> !Double.isFinite(v))) {
            return Verdict.INCONCLUSIVE;
        }
        if (values.stream().allMatch(this::confirms)) {
            return Verdict.CONFIRMED;
        }
        if (values.stream().allMatch(this::refutes)) {
            return Verdict.REFUTED;
        }
        return Verdict.INCONCLUSIVE;
    }

    /** Why {@code f} got {@code verdict}, in the rule's own words: "≥ 2.00 in all 3 pairs". */
    String reason(Verdict verdict, Figure f, String unit) {
        return switch (verdict) {
            case CONFIRMED -> confirmText() + " in " + Numbers.all(f.values().size(), unit);
            case REFUTED -> refuteText() + " in " + Numbers.all(f.values().size(), unit);
            case INCONCLUSIVE -> confirmAt == refuteAt
                    ? "the " + unit + "s fall on both sides of " + format.apply(confirmAt)
                    + " (or one could not be computed)"
                    : "the " + unit + "s are not all " + confirmText() + " nor all " + refuteText();
        };
    }
}
