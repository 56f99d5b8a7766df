package poolbench.report.claims;

import java.util.List;

import poolbench.report.run.Figure;
import poolbench.report.run.RunSet;

/**
 * One claim of the article and the mechanical rule that turns a run's records into its verdict. The rule text is
 * printed beside the verdict, so anyone can recompute it from the records; a rule's thresholds and questions are
 * values ({@link Threshold}, {@link Decision}) that write that text and apply it, so the two cannot differ.
 *
 * <p>A claim is either a demonstration ({@link Demonstration}: the port shows fasthttp's behaviour, which the data
 * cannot turn around, so it is "shown" or "not shown") or measured ({@link MeasuredRule}: a verdict per operating
 * point of the comparisons). Its number is its place in {@link Claims#RULES}.
 */
public abstract class ClaimRule {

    /** How the reason of a verdict without its data begins. */
    public static final String MISSING = "missing data: ";

    /** Whether the data could turn the claim around. */
    public enum Kind {
        /** Shown by the port: reported as shown / not shown with its figures, apart from the verdicts. */
        DEMONSTRATION,
        /** Decided on the comparisons: confirmed, refuted, depends on the load, or inconclusive. */
        MEASURED
    }

    private final String claim;

    ClaimRule(String claim) {
        this.claim = claim;
    }

    /** The claim as the article makes it. */
    public final String claim() {
        return claim;
    }

    public abstract Kind kind();

    /** The rule, in words, with its thresholds (written by its {@link Threshold}s and {@link Decision}s). */
    public abstract String rule();

    abstract ClaimResult evaluate(RunSet runs);

    /** A result without series: a demonstration's, or a measured rule's that has no comparison to read. */
    final ClaimResult result(Verdict verdict, String reason, List<Figure> evidence, List<String> notes,
                             List<String> charts) {
        return new ClaimResult(0, claim, kind(), rule(), verdict, reason, List.of(), List.of(), evidence, notes,
                charts);
    }

    /** A result for a rule whose data is not in the run: inconclusive, or for a demonstration, not shown. */
    final ClaimResult missing(String what, List<Figure> evidence, List<String> notes, List<String> charts) {
        return result(kind() == Kind.MEASURED ? Verdict.INCONCLUSIVE : Verdict.NOT_SHOWN, MISSING + what, evidence,
                notes, charts);
    }
}
