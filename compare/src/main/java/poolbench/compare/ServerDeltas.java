package poolbench.compare;

import java.util.List;

import poolbench.server.StatsSnapshot;

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
 */
public record ServerDeltas(long requests, double cpuMicrosPerRequest, double allocBytesPerRequest,
                           double gcPer10kRequests, double gcMillisPer10kRequests, long threadsPeak,
                           long threadsStarted, long workersPeak, long workersStarted, long workersReaped,
                           long connectionsAccepted, long connectionsRejected, long peakRssBytes,
                           Double voluntaryContextSwitchesPerRequest, Double involuntaryContextSwitchesPerRequest) {

    /**
     * Per-request figures from {@code before} to {@code after} (the measured window); reaping from
     * {@code before} to {@code end}, since workers are reaped in the idle phase after the load.
     */
    static ServerDeltas between(StatsSnapshot before, StatsSnapshot after, StatsSnapshot end,
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
                counted ? (after.involuntaryContextSwitches() - before.involuntaryContextSwitches()) / per : null);
    }
}
