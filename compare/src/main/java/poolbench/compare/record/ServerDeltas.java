package poolbench.compare.record;

import java.util.List;

import poolbench.server.stats.StatsSnapshot;

/**
 * What the server spent on the measured window, per request: the differences between the snapshots taken just
 * before and just after it, and the peaks seen by the sampler in between.
 *
 * @param requests            requests the server answered in the window
 * @param cpuMicrosPerRequest process CPU time (all threads: GC and JIT included) per request
 * @param allocBytesPerRequest heap bytes allocated per request
 * @param gcPer10kRequests    collections per 10,000 requests
 * @param gcMillisPer10kRequests collection time per 10,000 requests
 * @param threadsPeak         most live platform threads seen (sampled each second, and at both ends)
 * @param threadsStarted      platform threads started in the window
 * @param workersPeak         most workers alive seen (platform or virtual)
 * @param workersStarted      workers started in the window
 * @param workersReaped       idle workers reaped from the window's start to the end of the idle phase
 * @param connectionsAccepted connections accepted in the window
 * @param connectionsRejected connections answered 503 at the cap in the window
 * @param peakRssBytes        the process's peak resident set (VmHWM) at the end
 * @param voluntaryContextSwitchesPerRequest   the server's threads blocking (a read with nothing to read, a park)
 *                            per request; null where the server cannot count them (no /proc, a Go arm)
 * @param involuntaryContextSwitchesPerRequest the scheduler taking a CPU from the server's threads per request;
 *                            null where it cannot count them
 * @param youngGcs            young collections in the window
 * @param youngGcMillis       their pause time
 * @param fullGcs             full collections in the window (G1 Old Generation, PS MarkSweep)
 * @param fullGcMillis        their pause time
 * @param oldGenAfterGcBytes  the old generation's occupancy after its last collection, at the window's end (-1: none)
 * @param downstreamErrors    /downstream calls answered 502 or 504 in the window
 * @param databaseUnavailable /db requests answered 503 in the window
 * @param dbPoolSize          the /db connection pool's size (0 without a database)
 * @param dbWaitMicrosPerRequest time waiting for a pooled connection per request (HikariCP's acquire timing)
 * @param dbPoolTimeouts      requests that got no pooled connection in time, in the window
 * @param stackChunkBytesPerRequest jdk.internal.vm.StackChunk bytes allocated per request, estimated from JFR's
 *                            jdk.ObjectAllocationSample over the window; -1 when not recorded
 */
public record ServerDeltas(long requests, double cpuMicrosPerRequest, double allocBytesPerRequest,
                           double gcPer10kRequests, double gcMillisPer10kRequests, long threadsPeak,
                           long threadsStarted, long workersPeak, long workersStarted, long workersReaped,
                           long connectionsAccepted, long connectionsRejected, long peakRssBytes,
                           Double voluntaryContextSwitchesPerRequest, Double involuntaryContextSwitchesPerRequest,
                           long youngGcs, long youngGcMillis, long fullGcs, long fullGcMillis,
                           long oldGenAfterGcBytes, long downstreamErrors, long databaseUnavailable,
                           long dbPoolSize, double dbWaitMicrosPerRequest, long dbPoolTimeouts,
                           double stackChunkBytesPerRequest) {

    /** The figures of a window before the recording's StackChunk allocation is known. */
    public ServerDeltas(long requests, double cpuMicrosPerRequest, double allocBytesPerRequest,
                        double gcPer10kRequests, double gcMillisPer10kRequests, long threadsPeak,
                        long threadsStarted, long workersPeak, long workersStarted, long workersReaped,
                        long connectionsAccepted, long connectionsRejected, long peakRssBytes) {
        this(requests, cpuMicrosPerRequest, allocBytesPerRequest, gcPer10kRequests, gcMillisPer10kRequests,
                threadsPeak, threadsStarted, workersPeak, workersStarted, workersReaped, connectionsAccepted,
                connectionsRejected, peakRssBytes, null, null, 0, 0, 0, 0, -1, 0, 0, 0, 0, 0, -1);
    }

    /** The same with the StackChunk bytes a flight recording counted over the window. */
    public ServerDeltas withStackChunkBytes(long bytes) {
        return new ServerDeltas(requests, cpuMicrosPerRequest, allocBytesPerRequest, gcPer10kRequests,
                gcMillisPer10kRequests, threadsPeak, threadsStarted, workersPeak, workersStarted, workersReaped,
                connectionsAccepted, connectionsRejected, peakRssBytes, voluntaryContextSwitchesPerRequest,
                involuntaryContextSwitchesPerRequest, youngGcs, youngGcMillis, fullGcs,
                fullGcMillis, oldGenAfterGcBytes, downstreamErrors, databaseUnavailable, dbPoolSize,
                dbWaitMicrosPerRequest, dbPoolTimeouts, bytes < 0 ? -1 : bytes / (double) Math.max(1, requests));
    }

    /**
     * Per-request figures from {@code before} to {@code after} (the measured window); reaping from
     * {@code before} to {@code end}, since workers are reaped in the idle phase after the load.
     */
    public static ServerDeltas between(StatsSnapshot before, StatsSnapshot after, StatsSnapshot end,
                                List<StatsSnapshot> samples) {
        long requests = after.requests() - before.requests();
        double per = Math.max(1, requests);
        long threadsPeak = Math.max(before.threadsLive(), after.threadsLive());
        long workersPeak = Math.max(before.workersAlive(), after.workersAlive());
        for (StatsSnapshot s : samples) {
            threadsPeak = Math.max(threadsPeak, s.threadsLive());
            workersPeak = Math.max(workersPeak, s.workersAlive());
        }
        boolean counted = before.contextSwitchesCounted() && after.contextSwitchesCounted();
        return new ServerDeltas(requests,
                (after.processCpuNanos() - before.processCpuNanos()) / 1_000.0 / per,
                (after.allocatedBytes() - before.allocatedBytes()) / per,
                (after.gcCount() - before.gcCount()) * 10_000.0 / per,
                (after.gcTimeMillis() - before.gcTimeMillis()) * 10_000.0 / per,
                threadsPeak,
                after.threadsStarted() - before.threadsStarted(),
                workersPeak,
                after.workersStarted() - before.workersStarted(),
                end.workersReaped() - before.workersReaped(),
                after.connectionsAccepted() - before.connectionsAccepted(),
                after.connectionsRejected() - before.connectionsRejected(),
                after.peakRssBytes(),
                counted ? (after.voluntaryContextSwitches() - before.voluntaryContextSwitches()) / per : null,
                counted ? (after.involuntaryContextSwitches() - before.involuntaryContextSwitches()) / per : null,
                after.youngGcCount() - before.youngGcCount(),
                after.youngGcTimeMillis() - before.youngGcTimeMillis(),
                after.fullGcCount() - before.fullGcCount(),
                after.fullGcTimeMillis() - before.fullGcTimeMillis(),
                after.oldGenAfterGcBytes(),
                after.downstreamFailures() + after.downstreamTimeouts() - before.downstreamFailures()
                        - before.downstreamTimeouts(),
                after.databaseUnavailable() - before.databaseUnavailable(),
                after.dbPoolSize(),
                (after.dbWaitNanos() - before.dbWaitNanos()) / 1_000.0 / per,
                after.dbTimeouts() - before.dbTimeouts(),
                -1);
    }
}
