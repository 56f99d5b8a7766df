package poolbench.report;

import java.util.List;

/**
 * A claim's verdict and everything it rests on.
 *
 * @param reason   one sentence on why the rule gave this verdict; for missing data it names what is missing
 * @param evidence the per-repeat figures, those the rule read first
 * @param notes    computed sentences that put the figures in context
 * @param charts   the charts the claim rests on, as paths relative to the run directory
 */
record ClaimResult(int number, String claim, String rule, Verdict verdict, String reason, List<Figure> evidence,
                   List<String> notes, List<String> charts) {

    /** The deciding figures with their spread: the one-line answer the results index shows. */
    String headline() {
        List<String> deciding = evidence.stream().filter(Figure::decides).filter(e -> !e.values().isEmpty())
                .map(e -> e.label() + ": " + e.summary()).toList();
        return (verdict == Verdict.INCONCLUSIVE && reason.startsWith(ClaimRule.MISSING)) || deciding.isEmpty()
                ? reason : String.join("; ", deciding);
    }
}
