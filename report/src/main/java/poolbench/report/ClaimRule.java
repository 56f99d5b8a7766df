package poolbench.report;

import java.util.List;

/**
 * One claim of the article and the mechanical rule that turns a run's records into its verdict. The rule text is
 * printed beside the verdict, so anyone can recompute it from raw/.
 */
interface ClaimRule {

    /** How the reason of a verdict without its data begins. */
    String MISSING = "missing data: ";

    int number();

    /** The claim as the article makes it. */
    String claim();

    /** The rule, in words, with its thresholds. */
    String rule();

    ClaimResult evaluate(RunSet runs);

    /** A result for a rule whose data is not in the run. */
    default ClaimResult missing(String what, List<Evidence> evidence, List<String> notes,
                                List<String> charts) {
        return new ClaimResult(number(), claim(), rule(), Verdict.INCONCLUSIVE, MISSING + what, evidence,
                notes, charts);
    }
}
