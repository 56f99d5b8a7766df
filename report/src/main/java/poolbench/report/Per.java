package poolbench.report;

/**
 * What one value of a deciding figure is, and so how a {@link Threshold} judges it: paired ratios between two arms
 * by the 95% interval of their geometric mean, per-repeat values of one arm by every repeat.
 */
enum Per {
    /** Repeat k of one arm over repeat k of another: the whole interval must be on one side. */
    PAIR("pair"),
    /** A value of one arm's repeat: every repeat must be on one side. */
    REPEAT("repeat");

    private final String noun;

    Per(String noun) {
        this.noun = noun;
    }

    String noun() {
        return noun;
    }
}
