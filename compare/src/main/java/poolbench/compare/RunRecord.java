package poolbench.compare;

import java.util.List;

import poolbench.loadgen.LoadResult;
import poolbench.server.StatsSnapshot;

/**
 * One arm × workload × connection count × repeat, as stored in {@code raw/<id>.json}: the load's own result
 * beside the server's deltas over the same window, and the server's stats sampled once a second.
 *
 * @param error   why the run produced no measurement (the server did not start, the load failed); null when
 *                it did
 * @param before  the server's stats just before the measured window
 * @param after   just after it
 * @param end     after the idle phase (equal to {@code after} when the workload has none)
 * @param heap    the server JVM's heap ({@code 512m} unless swept; null in records from before the sweep)
 * @param gc      its collector, {@code g1} or {@code parallel}
 */
public record RunRecord(String id, String arm, String workload, String path, boolean close, int pipeline,
                        int connections, int repeat, List<String> serverArgs, String error, LoadResult load,
                        ServerDeltas server, StatsSnapshot before, StatsSnapshot after, StatsSnapshot end,
                        List<StatsSnapshot> samples, String heap, String gc) {

    /** A record at the default heap and collector. */
    public RunRecord(String id, String arm, String workload, String path, boolean close, int pipeline,
                     int connections, int repeat, List<String> serverArgs, String error, LoadResult load,
                     ServerDeltas server, StatsSnapshot before, StatsSnapshot after, StatsSnapshot end,
                     List<StatsSnapshot> samples) {
        this(id, arm, workload, path, close, pipeline, connections, repeat, serverArgs, error, load, server, before,
                after, end, samples, JvmSetting.DEFAULT.heap(), JvmSetting.DEFAULT.gc());
    }

    static String id(String workload, int connections, String arm, int repeat) {
        return workload + "-c" + connections + "-" + arm + "-r" + repeat;
    }

    /** The id with the heap and collector when they are not the default: {@code sleep-c1000-virtual-r1-1g-parallel}. */
    static String id(String workload, int connections, String arm, int repeat, JvmSetting jvm) {
        return id(workload, connections, arm, repeat) + (jvm.isDefault() ? "" : "-" + jvm.label());
    }

    static RunRecord failed(String id, String arm, Workload w, int connections, int repeat, List<String> serverArgs,
                            JvmSetting jvm, String error) {
        return new RunRecord(id, arm, w.name(), w.path(), w.close(), w.pipeline(), connections, repeat, serverArgs,
                error, null, null, null, null, null, List.of(), jvm.heap(), jvm.gc());
    }

    /** The heap and collector the server ran with (the default for records written before they were recorded). */
    public JvmSetting jvm() {
        return heap == null || gc == null ? JvmSetting.DEFAULT : new JvmSetting(heap, gc);
    }

    public boolean ok() {
        return error == null;
    }
}
