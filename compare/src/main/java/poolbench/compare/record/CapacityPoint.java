package poolbench.compare.record;

import java.util.List;
import poolbench.compare.plan.Comparison;

/**
 * One arm's capacity in a launch: the highest offered rate it sustained in a bounded search, and whether the record
 * proves that the server, not the load, was the limit.
 *
 * @param arm              the label searched
 * @param capacity         the highest sustained offered rate (requests/s); 0 when none was
 * @param ceilingReached   the search's highest probe was still sustained: the capacity is at least this
 * @param loadCpuUtilization the load CPUs' busy share at the capacity probe
 * @param serverBound      the load CPUs were under {@link Comparison#LOAD_HEADROOM} at the capacity probe and at the
 *                         first probe above it that failed: the server was the limit
 * @param note             why capacity is or is not measurable here, in a sentence
 * @param probes           every probe, in the order they ran (their windows, phase {@link Window#CAPACITY})
 */
public record CapacityPoint(String arm, double capacity, boolean ceilingReached, double loadCpuUtilization,
                            boolean serverBound, String note, List<Window> probes) {

    /** The note of a search that found no capacity because every probe was disturbed. */
    public static final String ALL_DISTURBED = "every probe was disturbed";

    /** How the note of a search that found no capacity begins when disturbed probes used up some of its steps. */
    public static final String CUT_SHORT = "cut short";

    /**
     * No capacity, and not because the arm failed every clean probe: disturbed probes used up the search's steps, so
     * it says too little of the arm.
     */
    public boolean cutShortByDisturbance() {
        return capacity <= 0 && (ALL_DISTURBED.equals(note) || note.startsWith(CUT_SHORT));
    }

    /** The capacity figure may stand for the server's: measured with the load's CPUs to spare. */
    public boolean measurable() {
        return serverBound && capacity > 0 && !ceilingReached;
    }
}
