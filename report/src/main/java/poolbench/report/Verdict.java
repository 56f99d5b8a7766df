package poolbench.report;

import java.util.List;
import java.util.Locale;
import java.util.function.DoublePredicate;

/** What the data says about a claim. */
enum Verdict {
    CONFIRMED,
    REFUTED,
    /** The values fall on both sides of the rule's threshold, or the data the rule needs is missing. */
    INCONCLUSIVE;

    String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Confirmed when every value confirms, refuted when every value refutes, otherwise (values on both sides, none
     * at all, or one that is not a number) inconclusive: a verdict needs every repeat to agree.
     */
    static Verdict everyValue(List<Double> values, DoublePredicate confirms, DoublePredicate refutes) {
        if (values.isEmpty() || values.stream().anyMatch(v -> !Double.isFinite(v))) {
            return INCONCLUSIVE;
        }
        if (values.stream().allMatch(confirms::test)) {
            return CONFIRMED;
        }
        if (values.stream().allMatch(refutes::test)) {
            return REFUTED;
        }
        return INCONCLUSIVE;
    }
}
