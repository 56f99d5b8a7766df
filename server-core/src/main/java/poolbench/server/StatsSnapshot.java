package poolbench.server;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the stats endpoint reports: cumulative counters and current gauges of the server and its JVM. A reader
 * takes two snapshots and divides the deltas by the requests served between them.
 *
 * <p>{@code allocatedBytes} is {@code com.sun.management.ThreadMXBean#getTotalThreadAllocatedBytes}: it counts
 * threads that have ended, and a virtual thread's allocations are counted on the carrier it ran on (a test
 * pins both).
 *
 * <p>The context switches are summed over the live threads' {@code /proc/self/task/*}{@code /status} (see
 * {@link ContextSwitches}); {@code contextSwitchesCounted} is false, and both counts 0, where there is no /proc.
 */
public record StatsSnapshot(
        String arm,
        String buffers,
        long epochMillis,
        long uptimeMillis,
        long requests,
        long connectionsAccepted,
        long connectionsRejected,
        long connectionsServed,
        long connectionsOpen,
        long processCpuNanos,
        long allocatedBytes,
        long gcCount,
        long gcTimeMillis,
        long threadsLive,
        long threadsPeak,
        long threadsStarted,
        long workersAlive,
        long workersIdle,
        long workersPeak,
        long workersStarted,
        long workersReaped,
        long heapUsedBytes,
        long rssBytes,
        long peakRssBytes,
        long voluntaryContextSwitches,
        long involuntaryContextSwitches,
        boolean contextSwitchesCounted) {

    /** Reads the JVM and process figures now, beside the server's and the dispatcher's. */
    public static StatsSnapshot take(String arm, BufferOwnership buffers, ServerStats server, DispatcherStats workers) {
        return take(arm, buffers.name().toLowerCase(java.util.Locale.ROOT), server.requests(),
                server.connectionsAccepted(), server.connectionsRejected(), server.connectionsServed(),
                server.connectionsOpen(), workers);
    }

    /**
     * The same for a server that keeps its own counts (a reference server): what it cannot count is -1, e.g. a
     * connection count it does not expose.
     */
    public static StatsSnapshot take(String arm, String buffers, long requests, long accepted, long rejected,
                                     long served, long open, DispatcherStats workers) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long gcCount = 0;
        long gcTime = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcCount += Math.max(0, gc.getCollectionCount());
            gcTime += Math.max(0, gc.getCollectionTime());
        }
        long[] rss = residentSetBytes();
        ContextSwitches switches = ContextSwitches.ofThisProcess();
        return new StatsSnapshot(arm, buffers, System.currentTimeMillis(),
                ManagementFactory.getRuntimeMXBean().getUptime(), requests, accepted, rejected, served, open,
                os.getProcessCpuTime(), threads.getTotalThreadAllocatedBytes(), gcCount, gcTime,
                threads.getThreadCount(), threads.getPeakThreadCount(), threads.getTotalStartedThreadCount(),
                workers.workersAlive(), workers.workersIdle(), workers.workersPeak(), workers.workersStarted(),
                workers.workersReaped(), ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(),
                rss[0], rss[1], switches.voluntary(), switches.involuntary(), switches.counted());
    }

    /** VmRSS and VmHWM from /proc/self/status in bytes; -1 each where there is no /proc. */
    static long[] residentSetBytes() {
        long[] result = {-1, -1};
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    result[0] = kilobytes(line);
                } else if (line.startsWith("VmHWM:")) {
                    result[1] = kilobytes(line);
                }
            }
        } catch (IOException | RuntimeException e) {
            return result;
        }
        return result;
    }

    private static long kilobytes(String line) {
        String[] parts = line.trim().split("\\s+");
        return Long.parseLong(parts[1]) * 1024;
    }
}
