package poolbench.report;

import java.util.function.ToDoubleFunction;

import poolbench.compare.RunRecord;

/**
 * A figure read from one run's record, with the heading and unit a report prints it under. The client's figures
 * come from the load generator, the per-request ones from the server's own counters over the same window.
 */
enum Metric {
    REQUESTS_PER_SECOND("requests/s", "requests/s", r -> r.load().requestsPerSecond()),
    P50_MS("p50 ms", "ms", r -> r.load().latency().percentileMs(50)),
    P99_MS("p99 ms", "ms", r -> r.load().latency().percentileMs(99)),
    P999_MS("p99.9 ms", "ms", r -> r.load().latency().percentileMs(99.9)),
    CPU_MICROS_PER_REQUEST("CPU µs/request", "µs", r -> r.server().cpuMicrosPerRequest()),
    ALLOC_BYTES_PER_REQUEST("alloc B/request", "bytes", r -> r.server().allocBytesPerRequest()),
    GC_PER_10K_REQUESTS("GCs per 10k requests", "collections", r -> r.server().gcPer10kRequests()),
    THREADS_PEAK("peak threads", "platform threads", r -> r.server().threadsPeak()),
    WORKERS_PEAK("peak workers", "workers", r -> r.server().workersPeak()),
    PEAK_RSS_MIB("peak RSS MiB", "MiB", r -> r.server().peakRssBytes() < 0 ? Double.NaN
            : r.server().peakRssBytes() / (1024.0 * 1024.0));

    private final String heading;
    private final String unit;
    private final ToDoubleFunction<RunRecord> read;

    Metric(String heading, String unit, ToDoubleFunction<RunRecord> read) {
        this.heading = heading;
        this.unit = unit;
        this.read = read;
    }

    String heading() {
        return heading;
    }

    String unit() {
        return unit;
    }

    /** The figure of one successful run. */
    double of(RunRecord record) {
        return read.applyAsDouble(record);
    }
}
