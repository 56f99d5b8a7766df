package poolbench.report;

import java.util.List;
import java.util.function.DoubleFunction;

/**
 * A rule's threshold, written once: it prints itself into the rule's sentence and applies itself to the deciding
 * figure, so the printed rule and the verdict cannot drift apart. Each side is a comparison and a number, e.g.
 * confirmed at "≥ 2.00", refuted at "< 2.00"; between the two (a band) is inconclusive.
 *
 * @param confirmOp one of ≥ > ≤ <: how a value that confirms compares with {@code confirmAt}
 * @param refuteOp  the same for a value that refutes, against {@code refuteAt}
 * @param format    how the thresholds are written in the rule
 */
record Threshold(String confirmOp, double confirmAt, String refuteOp, double refuteAt,
                 DoubleFunction<String> format) {

    Threshold {
        for (String op : List.of(confirmOp, refuteOp)) {
            if (!List.of("≥", ">", "≤", "<").contains(op)) {
                throw new IllegalArgumentException("a threshold compares with ≥, >, ≤ or <, not " + op);
            }
        }
    }

    /** Confirmed at or above {@code t}, refuted below it: nothing is left between. */
    static Threshold atLeast(double t) {
        return new Threshold("≥", t, "<", t, Numbers::plain);
    }

    /** The same, for a threshold on a count. */
    static Threshold atLeastCount(double t) {
        return new Threshold("≥", t, "<", t, Numbers::count);
    }

    /** Confirmed at or below {@code t} (e.g. a latency ratio), refuted above it. */
    static Threshold atMost(double t) {
        return new Threshold("≤", t, ">", t, Numbers::plain);
    }

    /** Confirmed below {@code t} (e.g. arms within noise of each other), refuted at or above it. */
    static Threshold below(double t) {
        return new Threshold("<", t, "≥", t, Numbers::plain);
    }

    /** Confirmed at or above {@code confirmAt}, refuted at or below {@code refuteAt}; between is inconclusive. */
    static Threshold band(double confirmAt, double refuteAt) {
        return new Threshold("≥", confirmAt, "≤", refuteAt, Numbers::plain);
    }

    private static boolean holds(String op, double v, double t) {
        return switch (op) {
            case "≥" -> v >= t;
            case ">" -> v > t;
            case "≤" -> v <= t;
            default -> v < t;
        };
    }

    boolean confirms(double v) {
        return holds(confirmOp, v, confirmAt);
    }

    boolean refutes(double v) {
        return holds(refuteOp, v, refuteAt);
    }

    /** "≥ 2.00". */
    String confirmText() {
        return confirmOp + " " + format.apply(confirmAt);
    }

    /** "< 2.00", or "≤ 1.00" for a band. */
    String refuteText() {
        return refuteOp + " " + format.apply(refuteAt);
    }

    /**
     * The rule's verdict clause, e.g. "confirmed when the whole 95% interval of the geometric mean of the pairs'
     * ratios is ≥ 2.00, refuted when it is wholly < 2.00, otherwise inconclusive".
     */
    String rule(Per per) {
        return switch (per) {
            case PAIR -> "confirmed when the whole 95% interval of the geometric mean of the pairs' ratios (bootstrap "
                    + "over pairs, widened by the run's A/A noise where it has an A/A arm, and by at least ±"
                    + Numbers.percent(Figure.FEW_PAIRS_NOISE) + " with fewer than " + Figure.MIN_PAIRS + " pairs; "
                    + "a pair with a client-bound run is left out of a requests/s ratio) is " + confirmText()
                    + ", refuted when it is wholly " + refuteText() + ", otherwise inconclusive (the interval "
                    + "straddles the threshold)";
            case REPEAT -> "confirmed when " + confirmText() + " in every repeat, refuted when " + refuteText()
                    + " in every repeat, otherwise inconclusive";
        };
    }

    /**
     * Pairs: confirmed when the whole interval confirms, refuted when the whole interval refutes. Repeats: confirmed when
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
            // Each side is a half-line, so the whole interval is on it when both ends are.
            if (confirms(i.low()) && confirms(i.high())) {
                return Verdict.CONFIRMED;
            }
            return refutes(i.low()) && refutes(i.high()) ? Verdict.REFUTED : Verdict.INCONCLUSIVE;
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
