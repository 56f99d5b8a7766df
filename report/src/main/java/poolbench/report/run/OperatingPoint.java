package poolbench.report.run;

import java.util.Locale;

/**
 * One step of a comparison's ladder, as a verdict names it: the offered rate and what share of the weakest arm's
 * capacity it is; for the mixed workload, the heavy group's share of the server's CPU and its rate.
 *
 * @param comparison  the comparison's id, {@code plaintext-close-c64}
 * @param step        0-based
 * @param rate        the offered rate (req/s); for mixed, the heavy group's
 * @param fraction    the share of the weakest arm's capacity (ladder), or of the server CPU (mixed)
 * @param basisArm    the weakest arm, whose capacity set the ladder; empty for mixed
 * @param basisRate   that arm's capacity (req/s); not a number for mixed
 * @param mixed       a heavy-share step, not a rate of the measured group
 */
public record OperatingPoint(String comparison, int step, double rate, double fraction, String basisArm,
                             double basisRate, boolean mixed) {

    /**
     * "at 10,000 req/s, 50% of per-connection's capacity (20,000 req/s)", or for mixed "with the heavy group at
     * 50% of the server's CPU (12.3 req/s)".
     */
    public String text() {
        if (mixed) {
            return "with the heavy group at " + Numbers.percent(fraction) + " of the server's CPU ("
                    + Numbers.human(rate) + " heavy req/s)";
        }
        if (basisArm.isEmpty() || !Double.isFinite(fraction)) {
            return "at " + Numbers.human(rate) + " req/s";
        }
        return "at " + Numbers.human(rate) + " req/s, " + Numbers.percent(fraction) + " of " + basisArm
                + "'s capacity (" + Numbers.human(basisRate) + " req/s)";
    }

    /** "1,000 req/s" or "50% heavy": a table cell, a chart's x value's words. */
    public String shortText() {
        return mixed ? Numbers.percent(fraction) + " heavy" : String.format(Locale.ROOT, "%s req/s",
                Numbers.human(rate));
    }
}
