package poolbench.report.claims;

import java.util.List;
import java.util.function.DoubleFunction;

import poolbench.report.run.Interval;
import poolbench.report.run.Numbers;

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

    /** "Many times": at least twice, the article's word for what a pool does against a thread per connection. */
    static final Threshold MANY_TIMES = atLeast(2.0);
    /** "About as efficient": at most 10% more server CPU per request than the arm compared with. */
    static final Threshold ABOUT_AS_EFFICIENT = atMost(1.10);
    /** "About as prompt": a latency at most 1.5 times the arm compared with. */
    static final Threshold ABOUT_AS_PROMPT = atMost(1.5);

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

    /** "2.00", or "≥ 1.20 / ≤ 1.00" for a band: what an interval that decides nothing straddles. */
    String boundaryText() {
        return confirmAt == refuteAt ? format.apply(confirmAt) : confirmText() + " / " + refuteText();
    }

    /** Confirmed when the whole interval confirms, refuted when the whole interval refutes; else inconclusive. */
    Verdict verdict(Interval i) {
        if (i.empty()) {
            return Verdict.INCONCLUSIVE;
        }
        // Each side is a half-line, so the whole interval is on it when both ends are.
        if (confirms(i.low()) && confirms(i.high())) {
            return Verdict.CONFIRMED;
        }
        return refutes(i.low()) && refutes(i.high()) ? Verdict.REFUTED : Verdict.INCONCLUSIVE;
    }

    /**
     * Whether every value confirms ({@code true}), and so what a demonstration shows; no values, or one that is not
     * a number, shows nothing.
     */
    boolean confirmsEvery(List<Double> values) {
        return !values.isEmpty() && values.stream().allMatch(v -> Double.isFinite(v) && confirms(v));
    }
}
