package poolbench.report.claims;

import java.util.List;

import poolbench.report.run.Figure;

/**
 * A claim's verdict and everything it rests on.
 *
 * @param number   the claim's place in {@link Claims#RULES}, from 1 (0 before {@link Claims#evaluate} numbers it)
 * @param kind     demonstration or measured
 * @param reason   one sentence on why the rule gave this verdict; for missing data it names what is missing
 * @param deciding a measured claim's series: one decision on one comparison, a verdict per operating point
 * @param shown    series shown beside them that do not decide (e.g. a mitigation, keep-alive)
 * @param evidence figures from the single runs (a demonstration's, or context)
 * @param notes    computed sentences that put the figures in context
 * @param charts   the charts the claim rests on, as paths relative to the run directory
 */
public record ClaimResult(int number, String claim, ClaimRule.Kind kind, String rule, Verdict verdict, String reason,
                   List<Series> deciding, List<Series> shown, List<Figure> evidence, List<String> notes,
                   List<String> charts) {

    public ClaimResult {
        deciding = List.copyOf(deciding);
        shown = List.copyOf(shown);
        evidence = List.copyOf(evidence);
        notes = List.copyOf(notes);
        charts = List.copyOf(charts);
    }

    ClaimResult numbered(int n) {
        return new ClaimResult(n, claim, kind, rule, verdict, reason, deciding, shown, evidence, notes, charts);
    }

    public boolean demonstration() {
        return kind == ClaimRule.Kind.DEMONSTRATION;
    }

    boolean missingData() {
        return reason.startsWith(ClaimRule.MISSING);
    }

    /**
     * The one-line answer the tables and the results index show: each deciding series' geometric means at its
     * rates, a demonstration's deciding figures with their spread, or the reason when there is no data.
     */
    public String headline() {
        if (missingData()) {
            return reason;
        }
        List<String> figures = !deciding.isEmpty() ? deciding.stream().map(Series::summary).toList()
                : evidence.stream().filter(Figure::decides).filter(e -> !e.values().isEmpty())
                .map(e -> e.label() + ": " + e.summary()).toList();
        return figures.isEmpty() ? reason : String.join("; ", figures);
    }
}
