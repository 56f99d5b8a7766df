package poolbench.report;

import java.util.Locale;

/** What the data says about a claim. */
enum Verdict {
    CONFIRMED,
    REFUTED,
    /** The values fall on both sides of the rule's threshold, or the data the rule needs is missing. */
    INCONCLUSIVE;

    String word() {
        return name().toLowerCase(Locale.ROOT);
    }

}
