package poolbench.report.claims;

/** What the data says about a claim: a measured claim's verdict, or whether a demonstration showed its behaviour. */
public enum Verdict {
    CONFIRMED("confirmed"),
    REFUTED("refuted"),
    /**
     * The operating points disagree: confirmed at some rates, refuted at others. A finding, not a failure: the
     * reason names where the answer turns.
     */
    DEPENDS("depends on the load"),
    /** The values fall on both sides of the rule's threshold, or the data the rule needs is missing. */
    INCONCLUSIVE("inconclusive"),
    /** A demonstration: the run shows the port behaving as fasthttp does. */
    SHOWN("shown"),
    /** A demonstration the run does not show (or lacks the data for). */
    NOT_SHOWN("not shown");

    private final String word;

    Verdict(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }
}
