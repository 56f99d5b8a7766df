package poolbench.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import poolbench.compare.machine.CpuQuota;
import poolbench.compare.record.CapacityPoint;
import poolbench.compare.record.LaunchRecord;

/** The ladder is set from the weakest arm's capacity, and not at all while some arm's capacity is unknown. */
class LadderFromCapacitiesTest {

    private static final List<Double> FRACTIONS = List.of(0.25, 0.5, 0.75);

    private static CapacityPoint measured(String arm, double capacity) {
        return new CapacityPoint(arm, capacity, false, 0.5, true, "server-bound", List.of());
    }

    @Test
    void ratesAreSharesOfTheWeakestArmsCapacity() {
        ComparisonRun.Ladder ladder = ComparisonRun.ladderFrom(
                List.of(measured("classic", 12_120), measured("per-connection", 1_545), measured("virtual", 6_691)),
                FRACTIONS);

        assertEquals(List.of(386.0, 773.0, 1_159.0), ladder.rates());
        assertTrue(ladder.basis().contains("per-connection's capacity, 1,545/s"), ladder.basis());
    }

    @Test
    void anArmWhoseEveryProbeWasDisturbedLeavesNoLadder() {
        // Under an intruder, per-connection (the weakest) lost every probe; a ladder from virtual's 6,691/s would
        // offer it four times what it can sustain, and its steps would never keep up.
        CapacityPoint lost = new CapacityPoint("per-connection", 0, false, Double.NaN, false,
                CapacityPoint.ALL_DISTURBED, List.of());
        ComparisonRun.Ladder ladder = ComparisonRun.ladderFrom(
                List.of(measured("classic", 12_120), lost, measured("virtual", 6_691)), FRACTIONS);

        assertTrue(ladder.rates().isEmpty());
        assertTrue(lost.cutShortByDisturbance());
        assertTrue(ladder.basis().contains("per-connection's capacity is not known (every probe was disturbed)"),
                ladder.basis());
    }

    @Test
    void aSearchWhoseOnlyCleanProbeFailedWasCutShort() {
        // Under an intruder and steal, virtual's first probe was clean and not kept up, and the twelve below it were
        // all disturbed: the search ran out of steps, and says nothing of the capacity.
        CapacityPoint cut = new CapacityPoint("virtual", 0, false, Double.NaN, false,
                CapacityPoint.CUT_SHORT + ": no clean probe was sustained, and 12 of 13 were disturbed", List.of());
        ComparisonRun.Ladder ladder = ComparisonRun.ladderFrom(List.of(measured("classic", 7_269), cut), FRACTIONS);

        assertTrue(cut.cutShortByDisturbance());
        assertTrue(ladder.rates().isEmpty());
        assertTrue(ladder.basis().startsWith("no ladder: virtual's capacity is not known (cut short"), ladder.basis());
    }

    @Test
    void anArmThatSustainedNoProbedRateLeavesNoLadderEither() {
        CapacityPoint none = new CapacityPoint("per-connection", 0, false, Double.NaN, false,
                "no probed rate was sustained", List.of());
        ComparisonRun.Ladder ladder = ComparisonRun.ladderFrom(List.of(measured("classic", 12_120), none), FRACTIONS);

        assertTrue(ladder.rates().isEmpty());
        assertTrue(!none.cutShortByDisturbance(), "every probe was clean: the search is not repeated");
        assertTrue(ladder.basis().contains("no probed rate was sustained"), ladder.basis());
    }

    private static LaunchRecord launch(List<Double> ladder, List<CapacityPoint> capacities, String error) {
        return new LaunchRecord("plaintext-close-c16-l1", "plaintext-close-c16", "plaintext-close", "/plaintext", true,
                16, 1, "512m", "G1", CpuQuota.NONE, 50, List.of(), ladder, FRACTIONS, "basis", List.of(), Double.NaN,
                capacities, List.of(), List.of(), error);
    }

    @Test
    void onlyALaunchWhoseLadderDisturbedProbesTookIsReplaced() {
        CapacityPoint cut = new CapacityPoint("virtual", 0, false, Double.NaN, false, CapacityPoint.ALL_DISTURBED,
                List.of());
        CapacityPoint failed = new CapacityPoint("virtual", 0, false, Double.NaN, false,
                "no probed rate was sustained", List.of());

        assertTrue(ComparisonRun.lostItsLadderToDisturbance(launch(List.of(), List.of(cut), "no ladder")));
        assertTrue(!ComparisonRun.lostItsLadderToDisturbance(launch(List.of(), List.of(failed), "no ladder")),
                "an arm that failed every clean probe is a finding, not a disturbance");
        assertTrue(!ComparisonRun.lostItsLadderToDisturbance(launch(List.of(386.0), List.of(cut), null)),
                "a launch with a ladder is kept");
    }
}
