package poolbench.compare.record;

import java.util.List;
import poolbench.compare.machine.CpuQuota;
import poolbench.compare.machine.Interference;
import poolbench.compare.plan.Comparison;

/**
 * One launch of a {@link Comparison}, as stored in {@code launches/<comparison>-l<n>.json}: every arm's JVM started
 * at once, warmed, (in the first launch) searched for its capacity, then driven in interleaved windows.
 *
 * @param id          {@code plaintext-c64-l2}
 * @param comparison  the comparison's id, {@code plaintext-c64}
 * @param workload    the workload's name
 * @param path        the measured group's request target
 * @param close       a new connection per request
 * @param connections the measured group's connection count
 * @param launch      1..L
 * @param heap        every server JVM's heap
 * @param gc          their collector
 * @param quota       the CPU quota each server ran under
 * @param p99BoundMs  the latency a sustained rate may have at p99
 * @param servers     each label's server in this launch
 * @param ladder      the offered rates of the ladder (for mixed, the light rate at each heavy share)
 * @param ladderFractions what share of the weakest arm's capacity each rate is
 * @param ladderBasis how the rates were set, in a sentence ("0.25, 0.5, 0.75 of per-connection's 4,210/s, launch 1")
 * @param heavyShares mixed only: the heavy group's offered share of the server CPU at each step
 * @param heavyCpuMillis mixed only: a heavy request's server CPU time, measured in launch 1's warm-up
 * @param capacities  the capacity search of each arm (first launch only; empty in later ones)
 * @param windows     every window, in the order measured, the disturbed ones included
 * @param rounds      each round's accounting summed over its windows
 * @param error       what ended this launch early, or null
 */
public record LaunchRecord(String id, String comparison, String workload, String path, boolean close,
                           int connections, int launch, String heap, String gc, CpuQuota quota, double p99BoundMs,
                           List<Server> servers, List<Double> ladder, List<Double> ladderFractions,
                           String ladderBasis, List<Double> heavyShares, double heavyCpuMillis,
                           List<CapacityPoint> capacities, List<Window> windows, List<Round> rounds, String error) {

    /**
     * One label's server in a launch.
     *
     * @param label        the label
     * @param arm          the arm served
     * @param serverArgs   the {@code serve} options beyond the port
     * @param warmupMillis its warm-up
     * @param error        why it could not be started or died, or null
     */
    public record Server(String label, String arm, List<String> serverArgs, long warmupMillis, String error) {
    }

    /**
     * A round's windows judged together: ticks summed, so that an intruder too small for any one window's rounding
     * allowance still shows.
     *
     * @param round   1..K
     * @param order   the labels and steps in the order they ran, {@code virtual@2}
     * @param summed  the summed accounting of the round's counted windows
     * @param clean   the sum was clean; a round that was not is measured again
     * @param attempt 1, or 2.. for a round measured again
     */
    public record Round(int round, List<String> order, Interference summed, boolean clean, int attempt) {
    }

    public static String id(String comparison, int launch) {
        return comparison + "-l" + launch;
    }
}
