package poolbench.compare.record;

import java.util.List;

import poolbench.compare.machine.Interference;
import poolbench.compare.plan.JvmSetting;
import poolbench.compare.plan.Workload;
import poolbench.loadgen.LoadResult;
import poolbench.server.stats.StatsSnapshot;

/**
 * One arm × workload × connection count × repeat, as stored in {@code raw/<id>.json}: the load's own result
 * beside the server's deltas over the same window, and the server's stats sampled once a second.
 *
 * @param error   why the run produced no measurement (the server did not start, the load failed); null when
 *                it did
 * @param before  the server's stats just before the measured window
 * @param after   just after it
 * @param end     after the idle phase (equal to {@code after} when the workload has none)
 * @param interference who had the server's and the load's CPUs in the measured window, and which try this was;
 *                     null in records written before the accounting existed
 * @param warmupMillis the warm-up this run actually had: the suite's, extended until throughput was steady
 * @param heap    the server JVM's heap ({@code 512m} unless swept; null in records from before the sweep)
 * @param gc      its collector, {@code g1} or {@code parallel}
 * @param heavy   the mixed workload's heavy group, run at the same time as {@code load} (which is then the light
 *                requests' alone); null for every other workload
 */
public record RunRecord(String id, String arm, String workload, String path, boolean close, int pipeline,
                        int connections, int repeat, List<String> serverArgs, String error, LoadResult load,
                        ServerDeltas server, StatsSnapshot before, StatsSnapshot after, StatsSnapshot end,
                        List<StatsSnapshot> samples, Interference interference, long warmupMillis,
                        String heap, String gc, LoadResult heavy) {

    /** A record with accounting, at the default heap and collector. */
    public RunRecord(String id, String arm, String workload, String path, boolean close, int pipeline,
                     int connections, int repeat, List<String> serverArgs, String error, LoadResult load,
                     ServerDeltas server, StatsSnapshot before, StatsSnapshot after, StatsSnapshot end,
                     List<StatsSnapshot> samples, Interference interference, long warmupMillis) {
        this(id, arm, workload, path, close, pipeline, connections, repeat, serverArgs, error, load, server, before,
                after, end, samples, interference, warmupMillis, JvmSetting.DEFAULT.heap(), JvmSetting.DEFAULT.gc(),
                null);
    }

    /** A record without accounting (as written before it existed). */
    public RunRecord(String id, String arm, String workload, String path, boolean close, int pipeline,
                     int connections, int repeat, List<String> serverArgs, String error, LoadResult load,
                     ServerDeltas server, StatsSnapshot before, StatsSnapshot after, StatsSnapshot end,
                     List<StatsSnapshot> samples) {
        this(id, arm, workload, path, close, pipeline, connections, repeat, serverArgs, error, load, server, before,
                after, end, samples, null, 0, JvmSetting.DEFAULT.heap(), JvmSetting.DEFAULT.gc(), null);
    }

    public static String id(String workload, int connections, String arm, int repeat) {
        return workload + "-c" + connections + "-" + arm + "-r" + repeat;
    }

    /** The id with the heap and collector when they are not the default: {@code sleep-c1000-virtual-r1-1g-parallel}. */
    public static String id(String workload, int connections, String arm, int repeat, JvmSetting jvm) {
        return id(workload, connections, arm, repeat) + (jvm.isDefault() ? "" : "-" + jvm.label());
    }

    public static RunRecord failed(String id, String arm, Workload w, int connections, int repeat, List<String> serverArgs,
                            JvmSetting jvm, String error) {
        return new RunRecord(id, arm, w.name(), w.path(), w.close(), w.pipeline(), connections, repeat, serverArgs,
                error, null, null, null, null, null, List.of(), null, 0, jvm.heap(), jvm.gc(), null);
    }

    /** This record, failed for {@code reason}: its measurement is kept for the record, and used by nothing. */
    public RunRecord failedBecause(String reason) {
        return new RunRecord(id, arm, workload, path, close, pipeline, connections, repeat, serverArgs, reason, load,
                server, before, after, end, samples, interference, warmupMillis, heap, gc, heavy);
    }

    /** The heap and collector the server ran with (the default for records written before they were recorded). */
    public JvmSetting jvm() {
        return heap == null || gc == null ? JvmSetting.DEFAULT : new JvmSetting(heap, gc);
    }

    public boolean ok() {
        return error == null;
    }

    /** Others took the CPUs in every attempt: kept and listed, never measured. */
    public boolean disturbed() {
        return ok() && interference != null && !interference.clean();
    }

    /** Measured and not disturbed: what medians, ratios and verdicts are made of. */
    public boolean counted() {
        return ok() && !disturbed();
    }

    /** The load's CPUs were saturated: the run measured the client, not the server. */
    public boolean clientBound() {
        return interference != null && interference.clientBound();
    }
}
