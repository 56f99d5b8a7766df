package poolbench.report.charts;

import poolbench.report.run.WorkloadPoint;

/**
 * Where each chart is written, relative to the run directory: one place, so that the README, CLAIMS.md and the
 * chart writers agree on every name.
 */
public final class ChartFiles {

    public static final String DIRECTORY = "charts";

    public static final String RELATIVE_THROUGHPUT = DIRECTORY + "/throughput-relative-to-classic.png";
    public static final String ALLOC_PER_REQUEST = DIRECTORY + "/alloc-per-request.png";
    public static final String CPU_PER_REQUEST = DIRECTORY + "/cpu-per-request.png";
    public static final String BURST_WORKERS = DIRECTORY + "/burst-workers-over-time.png";
    public static final String BURST_THREADS = DIRECTORY + "/burst-threads-over-time.png";
    public static final String JMH_HAND_OFF = DIRECTORY + "/jmh-hand-off.png";
    public static final String JMH_THREAD_START = DIRECTORY + "/jmh-thread-start.png";
    public static final String JMH_WORKER_ORDER = DIRECTORY + "/jmh-worker-order.png";

    private ChartFiles() {
    }

    public static String throughputVsConnections(String workload) {
        return DIRECTORY + "/throughput-vs-connections-" + workload + ".png";
    }

    /** p50 and p99 against the offered rate, one line per arm, for one comparison. */
    public static String latencyVsRate(String comparison) {
        return DIRECTORY + "/latency-vs-rate-" + comparison + ".png";
    }

    /** Server CPU per request against the offered rate, one line per arm, for one comparison. */
    public static String cpuVsRate(String comparison) {
        return DIRECTORY + "/cpu-vs-rate-" + comparison + ".png";
    }

    public static String latency(WorkloadPoint p) {
        return DIRECTORY + "/latency-" + p.slug() + ".png";
    }
}
