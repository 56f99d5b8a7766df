package poolbench.compare.machine;

import java.util.Locale;
import poolbench.compare.ComparisonRun;

/**
 * Who had the CPUs during one run's measured window, from {@code /proc}: the share of the server's and the load's
 * CPUs that other processes used, the hypervisor's steal, how busy each side was, and which side (if any) was
 * saturated. A run is clean when neither side's CPUs lost more than the threshold to others or to steal.
 *
 * <p>How ticks are counted, per side (that side's pinned CPUs; every CPU when unpinned):
 * <ul>
 *   <li>the side's own time is its processes' utime + stime ({@code /proc/<pid>/stat}), plus the CPUs' irq and
 *   softirq time: on loopback that is the run's own packets (the kernel accounts a softirq to the CPU, not to a
 *   process), and a busy neighbour shows as user or system time, never as softirq, so counting it as the run's own
 *   cannot hide an intruder. Under heavy traffic the kernel defers that work to the CPU's {@code ksoftirqd/N}
 *   thread; its ticks are already inside the CPU's softirq field, so the thread is not counted again as a
 *   process (counting both would subtract them twice and hide that much of an intruder);</li>
 *   <li>the waiting side is the comparison's other servers, idle between their windows (see
 *   {@link ComparisonRun}): pinned to the server CPUs, their time is shown on its own and gates at
 *   {@link Gate#waitingThreshold};</li>
 *   <li>others' time is the rest of the CPUs' busy time, less steal, less a rounding allowance of
 *   {@link CpuAccounting#ROUNDING_TICKS} ticks per CPU (the per-CPU and per-process counters are sampled apart),
 *   and under a CPU quota no more than every other process was seen to use (see {@link CpuAccounting});</li>
 *   <li>steal is gated per CPU, on the worse one: 6% on one CPU and none on the other is a disturbed window, not
 *   a 3% one.</li>
 * </ul>
 * The raw ticks are kept ({@link Ticks}), unclamped, so every share can be recomputed from the record.
 *
 * @param serverCpusOthersShare others' share of the server CPUs' time, 0..1
 * @param loadCpusOthersShare   others' share of the load CPUs' time, 0..1
 * @param stealShare            steal's share of the worse CPU's time (of either side), 0..1
 * @param serverCpuUtilization  the server's own share of its CPUs (process + interrupts), 0..1
 * @param loadCpuUtilization    the load's own share of its CPUs (this JVM, helper processes, interrupts), 0..1
 * @param bottleneck            {@code load} when the load's CPUs were saturated (the run measured the client),
 *                              else {@code server} when the server's were, else {@code neither}
 * @param clean                 others' shares and steal at or under the threshold, and the waiting servers at or
 *                              under {@link Gate#waitingThreshold}
 * @param attempt               1 for the first try of this run, 2 for its first retry, ...
 * @param waitingShare          the waiting servers' share of the server CPUs' time, 0..1 (0 outside comparisons)
 * @param ticks                 the raw counters of the window; null in records written before they were kept
 */
public record Interference(double serverCpusOthersShare, double loadCpusOthersShare, double stealShare,
                           double serverCpuUtilization, double loadCpuUtilization, String bottleneck, boolean clean,
                           int attempt, double waitingShare, Ticks ticks) {

    /**
     * A window's raw counters: every CPU's tick deltas, each side's process ticks, and others' ticks per side before
     * clamping and capping (negative when the rounding allowance exceeded what was left); {@code databaseProcesses}
     * is the part of the load's that PostgreSQL and its backends used (0 without a database); {@code otherProcesses}
     * is what every other process used, the cap on others' ticks under a quota ({@link #NOT_READ} without one).
     */
    public record Ticks(java.util.SortedMap<Integer, CpuTicks> cpus, long serverProcesses, long loadProcesses,
                        long waitingProcesses, long serverCpusOthers, long loadCpusOthers, long databaseProcesses,
                        long otherProcesses) {

        /** Other processes were not read: others' ticks are the CPUs' count alone. */
        public static final long NOT_READ = -1;

        /** The counters of a window without a database on the load's side or a cap on others'. */
        public Ticks(java.util.SortedMap<Integer, CpuTicks> cpus, long serverProcesses, long loadProcesses,
                     long waitingProcesses, long serverCpusOthers, long loadCpusOthers) {
            this(cpus, serverProcesses, loadProcesses, waitingProcesses, serverCpusOthers, loadCpusOthers, 0,
                    NOT_READ);
        }
    }

    /** Figures without the waiting side or the raw ticks (as records before comparisons held them). */
    public Interference(double serverCpusOthersShare, double loadCpusOthersShare, double stealShare,
                        double serverCpuUtilization, double loadCpuUtilization, String bottleneck, boolean clean,
                        int attempt) {
        this(serverCpusOthersShare, loadCpusOthersShare, stealShare, serverCpuUtilization, loadCpuUtilization,
                bottleneck, clean, attempt, 0, null);
    }

    /** The same figures, with the database's part of the load's ticks. */
    Interference withDatabaseTicks(long database) {
        return ticks == null ? this : new Interference(serverCpusOthersShare, loadCpusOthersShare, stealShare,
                serverCpuUtilization, loadCpuUtilization, bottleneck, clean, attempt, waitingShare,
                new Ticks(ticks.cpus(), ticks.serverProcesses(), ticks.loadProcesses(), ticks.waitingProcesses(),
                        ticks.serverCpusOthers(), ticks.loadCpusOthers(), database, ticks.otherProcesses()));
    }


    /** A side busier than this was the bottleneck. */
    public static final double SATURATED = 0.9;
    public static final String SERVER = "server";
    public static final String LOAD = "load";
    public static final String NEITHER = "neither";

    public static String bottleneck(double serverUtilization, double loadUtilization) {
        // Client-bound first: when both are saturated the figure may be the client's limit, so it cannot vouch
        // for the server.
        if (loadUtilization >= SATURATED) {
            return LOAD;
        }
        return serverUtilization >= SATURATED ? SERVER : NEITHER;
    }

    /** The load's CPUs were saturated: the run measured the client, not the server. */
    public boolean clientBound() {
        return LOAD.equals(bottleneck);
    }

    public static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * share);
    }
}
