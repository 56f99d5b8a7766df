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
 * @param heavy   the mixed workload's heavy group, run at the same time as {@code load} (which is then the light
 *                requests' alone); null for every other workload
 */
public record RunRecord(String id, String arm, String workload, String path, boolean close, int pipeline,
                        int connections, int repeat, List<String> serverArgs, String error, LoadResult load,
                        ServerDeltas server, StatsSnapshot before, StatsSnapshot after, StatsSnapshot end,
                        List<StatsSnapshot> samples, LoadResult heavy) {

    static String id(String workload, int connections, String arm, int repeat) {
        return workload + "-c" + connections + "-" + arm + "-r" + repeat;
    }

    static RunRecord failed(String id, String arm, Workload w, int connections, int repeat, List<String> serverArgs,
                            String error) {
        return new RunRecord(id, arm, w.name(), w.path(), w.close(), w.pipeline(), connections, repeat, serverArgs,
                error, null, null, null, null, null, List.of(), null);
    }

    public boolean ok() {
        return error == null;
    }
}
