package poolbench.loadgen;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.HdrHistogram.Histogram;

/**
 * Open loop: did the generator itself keep its schedule? Lag is how long after it could have been sent
 * a request was sent: after its intended time, or after a connection became free when all were busy (that
 * wait is the server's, and is already in the corrected latency). Lag of a millisecond or so is the timer
 * granularity of the selector; more, and the generator was a bottleneck of what it measured.
 *
 * @param rate               requests per second asked for
 * @param lateThresholdMs    {@link #lateSends} counts sends lagging more than this
 * @param lateSends          sends more than {@code lateThresholdMs} behind
 * @param lagP99Ms           99th percentile of the lag
 * @param maxLagMs           largest lag
 * @param unsent             requests due before the end of sending that were never sent (all connections busy or down)
 * @param histogram          the lag histogram, nanoseconds, {@link HistogramCodec}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"rate", "lateThresholdMs", "lateSends", "lagP99Ms", "maxLagMs", "unsent", "histogram"})
public record ScheduleReport(
        double rate,
        double lateThresholdMs,
        long lateSends,
        double lagP99Ms,
        double maxLagMs,
        long unsent,
        String histogram) {

    /** A send this far behind is late beyond the selector's millisecond timer granularity. */
    static final long LATE_THRESHOLD_NANOS = 10_000_000L;

    static ScheduleReport of(double rate, Histogram lag, long unsent) {
        boolean empty = lag.getTotalCount() == 0;
        long late = empty || lag.getMaxValue() <= LATE_THRESHOLD_NANOS ? 0
                : lag.getCountBetweenValues(lag.nextNonEquivalentValue(LATE_THRESHOLD_NANOS), lag.getMaxValue());
        return new ScheduleReport(rate, LatencyReport.ms(LATE_THRESHOLD_NANOS), late,
                empty ? 0 : LatencyReport.ms(lag.getValueAtPercentile(99)),
                empty ? 0 : LatencyReport.ms(lag.getMaxValue()),
                unsent, HistogramCodec.encode(lag));
    }
}
