package poolbench.report.claims;

/**
 * A claim the port demonstrates rather than measures: the records show the behaviour (a cap that holds, workers
 * reaped, workers reused) or they do not. Reported as shown or not shown, with its figures, apart from the measured
 * claims.
 */
abstract class Demonstration extends ClaimRule {

    Demonstration(String claim) {
        super(claim);
    }

    @Override
    public final Kind kind() {
        return Kind.DEMONSTRATION;
    }

    /** Shown when {@code shown}, else not shown. */
    static Verdict shown(boolean shown) {
        return shown ? Verdict.SHOWN : Verdict.NOT_SHOWN;
    }
}
