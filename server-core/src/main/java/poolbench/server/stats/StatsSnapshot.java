package poolbench.server.stats;

import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;

import poolbench.server.connection.BufferOwnership;
import poolbench.server.endpoints.CpuExecutor;
import poolbench.server.endpoints.WorldDatabase;
import poolbench.server.spi.DispatcherStats;

/**
 * What the stats endpoint reports: cumulative counters and current gauges of the server, its dispatcher, its JVM and
 * its process. A reader takes two snapshots and divides the deltas by the requests served between them.
 *
 * <p>The schema, one row a field with its unit, its source and how a reader takes its delta, is in server-core's
 * README ("Stats schema"); a field added here gets its row there ({@code StatsSchemaTest} checks).
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
        boolean contextSwitchesCounted,
        long youngGcCount,
        long youngGcTimeMillis,
        long fullGcCount,
        long fullGcTimeMillis,
        long oldGenAfterGcBytes,
        long downstreamFailures,
        long downstreamTimeouts,
        long databaseUnavailable,
        long dbPoolSize,
        long dbPoolActive,
        long dbPoolWaiting,
        long dbAcquisitions,
        long dbWaitNanos,
        long dbTimeouts,
        int cpuExecutorThreads,
        long cpuExecutorTasks) {

    /** Reads the JVM and process figures now, beside the server's, the dispatcher's, the pool's and the executor's. */
    public static StatsSnapshot take(String arm, BufferOwnership buffers, ServerStats server, DispatcherStats workers,
                                     WorldDatabase.PoolStats pool, CpuExecutor cpu) {
        return take(arm, buffers.name().toLowerCase(java.util.Locale.ROOT), server.requests(),
                server.connectionsAccepted(), server.connectionsRejected(), server.connectionsServed(),
                server.connectionsOpen(), workers, server.downstreamFailures(), server.downstreamTimeouts(),
                server.databaseUnavailable(), pool, cpu);
    }

    /**
     * The same for a server that keeps its own counts (a reference server): what it cannot count is -1, e.g. a
     * connection count it does not expose.
     */
    public static StatsSnapshot take(String arm, String buffers, long requests, long accepted, long rejected,
                                     long served, long open, DispatcherStats workers) {
        return take(arm, buffers, requests, accepted, rejected, served, open, workers, 0, 0, 0,
                WorldDatabase.PoolStats.NONE, CpuExecutor.ON_CALLER);
    }

    private static StatsSnapshot take(String arm, String buffers, long requests, long accepted, long rejected,
                                      long served, long open, DispatcherStats workers, long downstreamFailures,
                                      long downstreamTimeouts, long databaseUnavailable,
                                      WorldDatabase.PoolStats pool, CpuExecutor cpu) {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long gcCount = 0;
        long gcTime = 0;
        long youngCount = 0;
        long youngTime = 0;
        long fullCount = 0;
        long fullTime = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            long count = Math.max(0, gc.getCollectionCount());
            long time = Math.max(0, gc.getCollectionTime());
            gcCount += count;
            gcTime += time;
            switch (CollectionKind.of(gc.getName())) {
                case YOUNG -> {
                    youngCount += count;
                    youngTime += time;
                }
                case FULL -> {
                    fullCount += count;
                    fullTime += time;
                }
                case OTHER -> {
                }
            }
        }
        long[] rss = residentSetBytes();
        ContextSwitches switches = ContextSwitches.ofThisProcess();
        long cpuNanos = SelfResourceUsage.cpuNanos();
        return new StatsSnapshot(arm, buffers, System.currentTimeMillis(),
                ManagementFactory.getRuntimeMXBean().getUptime(), requests, accepted, rejected, served, open,
                cpuNanos >= 0 ? cpuNanos : os.getProcessCpuTime(), threads.getTotalThreadAllocatedBytes(), gcCount,
                gcTime,
                threads.getThreadCount(), threads.getPeakThreadCount(), threads.getTotalStartedThreadCount(),
                workers.workersAlive(), workers.workersIdle(), workers.workersPeak(), workers.workersStarted(),
                workers.workersReaped(), ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(),
                rss[0], rss[1], switches.voluntary(), switches.involuntary(), switches.counted(),
                youngCount, youngTime, fullCount, fullTime, oldGenAfterLastCollection(),
                downstreamFailures, downstreamTimeouts, databaseUnavailable, pool.poolSize(), pool.active(),
                pool.waiting(), pool.acquisitions(), pool.waitNanos(), pool.timeouts(), cpu.threads(),
                cpu.tasksCompleted());
    }

    /** Which collections a GarbageCollectorMXBean counts, from its name. */
    enum CollectionKind {
        YOUNG, FULL, OTHER;

        static CollectionKind of(String collector) {
            if (collector.contains("Young") || collector.contains("Scavenge") || collector.equals("Copy")
                    || collector.contains("ParNew") || collector.contains("Minor")) {
                return YOUNG;
            }
            if (collector.contains("Old") || collector.contains("MarkSweep") || collector.contains("Major")) {
                return FULL;
            }
            return OTHER;
        }
    }

    /** Bytes in the old generation right after its last collection; -1 when the JVM has no such pool. */
    static long oldGenAfterLastCollection() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            String name = pool.getName();
            if (pool.getType() == MemoryType.HEAP && (name.contains("Old Gen") || name.contains("Tenured"))) {
                MemoryUsage after = pool.getCollectionUsage();
                return after == null ? -1 : after.getUsed();
            }
        }
        return -1;
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
