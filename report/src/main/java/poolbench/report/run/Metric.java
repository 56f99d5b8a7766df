package poolbench.report.run;

import java.util.function.DoubleFunction;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

import poolbench.compare.record.RunRecord;
import poolbench.server.stats.StatsSnapshot;

/**
 * A figure read from one run's record, with the heading (unit included) a report prints it under and its format.
 * The client's figures come from the load generator, the per-request ones from the server's own counters over the
 * same window.
 */
public enum Metric {
    REQUESTS_PER_SECOND("requests/s", r -> r.load().requestsPerSecond(), Numbers::human),
    /** Work per CPU: the inverse of the server's CPU time per request. */
    REQUESTS_PER_CPU_SECOND("requests per server CPU-second", r -> 1e6 / known(r,
            StatsSnapshot::processCpuNanos, r.server().cpuMicrosPerRequest()),
            Numbers::human),
    P50_MS("p50 ms", r -> r.load().latency().percentileMs(50), Numbers::human),
    P99_MS("p99 ms", r -> r.load().latency().percentileMs(99), Numbers::human),
    P999_MS("p99.9 ms", r -> r.load().latency().percentileMs(99.9), Numbers::human),
    CPU_MICROS_PER_REQUEST("CPU µs/request", r -> known(r, StatsSnapshot::processCpuNanos,
            r.server().cpuMicrosPerRequest()), Numbers::human),
    ALLOC_BYTES_PER_REQUEST("alloc B/request", r -> known(r, StatsSnapshot::allocatedBytes,
            r.server().allocBytesPerRequest()), Numbers::human),
    GC_PER_10K_REQUESTS("GCs per 10k requests", r -> known(r, StatsSnapshot::gcCount,
            r.server().gcPer10kRequests()), Numbers::human),
    VOLUNTARY_CONTEXT_SWITCHES_PER_REQUEST("voluntary cs/request",
            r -> orNaN(r.server().voluntaryContextSwitchesPerRequest()), Numbers::human),
    INVOLUNTARY_CONTEXT_SWITCHES_PER_REQUEST("involuntary cs/request",
            r -> orNaN(r.server().involuntaryContextSwitchesPerRequest()), Numbers::human),
    THREADS_PEAK("peak threads", r -> r.server().threadsPeak(), Numbers::count),
    WORKERS_PEAK("peak workers", r -> r.server().workersPeak(), Numbers::count),
    PEAK_RSS_MIB("peak RSS MiB", r -> r.server().peakRssBytes() < 0 ? Double.NaN
            : r.server().peakRssBytes() / (1024.0 * 1024.0), Numbers::human);

    private final String heading;
    private final ToDoubleFunction<RunRecord> read;
    private final DoubleFunction<String> format;

    Metric(String heading, ToDoubleFunction<RunRecord> read, DoubleFunction<String> format) {
        this.heading = heading;
        this.read = read;
        this.format = format;
    }

    /** How a value of this figure is written: counts as whole numbers, measurements to their precision. */
    public String format(double value) {
        return format.apply(value);
    }

    public String heading() {
        return heading;
    }

    /**
     * Whether a client-bound run (the load's CPUs saturated) says nothing of the server's figure: requests/s is
     * then the client's ceiling, not the server's. The server's own per-request counters (CPU, allocation, context
     * switches) and the latencies stay the server's. One home for this rule: {@link #comparable} applies it.
     */
    boolean cappedByClient() {
        return this == REQUESTS_PER_SECOND;
    }

    /** Whether two runs' figures make a pair that can be compared: neither client-bound where that caps it. */
    public boolean comparable(RunRecord a, RunRecord b) {
        return !cappedByClient() || !(a.clientBound() || b.clientBound());
    }

    /**
     * A server that cannot count something reports -1 for it (a Go arm without /proc, say); the difference of two
     * -1s would read as zero, so the figure is not a number instead.
     */
    private static double known(RunRecord r, ToLongFunction<StatsSnapshot> counter, double value) {
        return r.before() != null && counter.applyAsLong(r.before()) < 0 ? Double.NaN : value;
    }

    /** A figure a record may lack (older records, servers without /proc) is not a number. */
    private static double orNaN(Double value) {
        return value == null ? Double.NaN : value;
    }

    /** The figure of one successful run. */
    public double of(RunRecord record) {
        return read.applyAsDouble(record);
    }
}
