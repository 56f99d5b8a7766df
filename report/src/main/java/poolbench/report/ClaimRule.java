package poolbench.report;

import java.util.List;

/**
 * One claim of the article and the mechanical rule that turns a run's records into its verdict. The rule text is
 * printed beside the verdict, so anyone can recompute it from raw/; a rule's thresholds are {@link Threshold}s, which
 * write that text and apply it, so the two cannot differ.
 *
 * <p>Adding a claim is one subclass (its number and claim in the constructor, {@link #rule()} and
 * {@link #evaluate(RunSet)}) and one line in {@link Claims#RULES}.
 */
abstract class ClaimRule {

    /** How the reason of a verdict without its data begins. */
    static final String MISSING = "missing data: ";

    private final int number;
    private final String claim;

    ClaimRule(int number, String claim) {
        this.number = number;
        this.claim = claim;
    }

    final int number() {
        return number;
    }

    /** The claim as the article makes it. */
    final String claim() {
        return claim;
    }

    /** The rule, in words, with its thresholds (written by its {@link Threshold}s). */
    abstract String rule();

    abstract ClaimResult evaluate(RunSet runs);

    final ClaimResult result(Verdict verdict, String reason, List<Figure> evidence, List<String> notes,
                             List<String> charts) {
        return new ClaimResult(number, claim, rule(), verdict, reason, evidence, notes, charts);
    }

    /**
     * The verdict of a rule that is one threshold on one figure, with the reason in the threshold's words.
     *
     * @param per what one value of {@code deciding} is: a pair of arms in one repeat (judged by its interval) or
     *            one arm's repeat (judged repeat by repeat)
     */
    final ClaimResult decide(Threshold threshold, Per per, Figure deciding, List<Figure> evidence,
                             List<String> notes, List<String> charts) {
        Verdict verdict = threshold.verdict(deciding, per);
        return result(verdict, threshold.reason(verdict, deciding, per), evidence, notes, charts);
    }

    /** A result for a rule whose data is not in the run. */
    final ClaimResult missing(String what, List<Figure> evidence, List<String> notes, List<String> charts) {
        return result(Verdict.INCONCLUSIVE, MISSING + what, evidence, notes, charts);
    }
}
