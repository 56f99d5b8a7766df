package poolbench.compare;

import java.util.Locale;

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
 *   cannot hide an intruder; under heavy traffic the kernel defers that work to the CPU's {@code ksoftirqd/N} thread,
 *   whose time is counted the same way, as the side's own;</li>
 *   <li>others' time is the rest of the CPUs' busy time, less steal, less a rounding allowance of
 *   {@link CpuAccounting#ROUNDING_TICKS} ticks per CPU (the per-CPU and per-process counters are sampled apart);</li>
 *   <li>steal is reported on its own and gates like others' time: it is a CPU the run did not get.</li>
 * </ul>
 *
 * @param serverCpusOthersShare others' share of the server CPUs' time, 0..1
 * @param loadCpusOthersShare   others' share of the load CPUs' time, 0..1
 * @param stealShare            steal's share of both sides' CPUs' time, 0..1
 * @param serverCpuUtilization  the server's own share of its CPUs (process + interrupts), 0..1
 * @param loadCpuUtilization    the load's own share of its CPUs (this JVM, helper processes, interrupts), 0..1
 * @param bottleneck            {@code load} when the load's CPUs were saturated (the run measured the client),
 *                              else {@code server} when the server's were, else {@code neither}
 * @param clean                 others' shares and steal all at or under the threshold
 * @param attempt               1 for the first try of this run, 2 for its first retry, ...
 */
public record Interference(double serverCpusOthersShare, double loadCpusOthersShare, double stealShare,
                           double serverCpuUtilization, double loadCpuUtilization, String bottleneck, boolean clean,
                           int attempt) {

    /** A side busier than this was the bottleneck. */
    public static final double SATURATED = 0.9;
    public static final String SERVER = "server";
    public static final String LOAD = "load";
    public static final String NEITHER = "neither";

    static String bottleneck(double serverUtilization, double loadUtilization) {
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

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * share);
    }
}
