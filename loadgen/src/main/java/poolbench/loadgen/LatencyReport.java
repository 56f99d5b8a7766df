package poolbench.loadgen;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * One latency distribution of a run: a summary in milliseconds for people and reports, and the whole
 * histogram (nanoseconds, {@link HistogramCodec}) for merging and plotting.
 *
 * @param measuredFrom  {@code "send"} (actual send to complete response) or {@code "intended send"}
 *                      (open loop: the schedule's send time to complete response)
 * @param percentilesMs keys {@code "50"}, {@code "75"}, {@code "90"}, {@code "99"}, {@code "99.9"}, {@code "99.99"}
 * @param histogram     base64 of HdrHistogram's compressed encoding, values in nanoseconds
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"measuredFrom", "count", "minMs", "meanMs", "stdevMs", "maxMs", "percentilesMs", "histogram"})
public record LatencyReport(
        String measuredFrom,
        long count,
        double minMs,
        double meanMs,
        double stdevMs,
        double maxMs,
        Map<String, Double> percentilesMs,
        String histogram) {

    static final double[] PERCENTILES = {50, 75, 90, 99, 99.9, 99.99};
    private static final double NANOS_PER_MS = 1e6;

    static LatencyReport of(String measuredFrom, Histogram h) {
        Map<String, Double> percentiles = new LinkedHashMap<>();
        for (double p : PERCENTILES) {
            percentiles.put(percentileKey(p), ms(h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(p)));
        }
        boolean empty = h.getTotalCount() == 0;
        return new LatencyReport(measuredFrom, h.getTotalCount(),
                empty ? 0 : ms(h.getMinValue()),
                empty ? 0 : h.getMean() / NANOS_PER_MS,
                empty ? 0 : h.getStdDeviation() / NANOS_PER_MS,
                empty ? 0 : ms(h.getMaxValue()),
                percentiles, HistogramCodec.encode(h));
    }

    /** The value at a percentile of {@link #PERCENTILES}, in milliseconds. */
    public double percentileMs(double percentile) {
        Double value = percentilesMs.get(percentileKey(percentile));
        if (value == null) {
            throw new IllegalArgumentException("percentile " + percentile + " is not reported; use one of 50, 75, 90, 99, 99.9, 99.99");
        }
        return value;
    }

    /** Decodes {@link #histogram}: nanoseconds, mergeable with {@link Histogram#add}. */
    public Histogram decodeHistogram() {
        return HistogramCodec.decode(histogram);
    }

    static String percentileKey(double p) {
        return p == Math.rint(p) ? Long.toString((long) p) : Double.toString(p);
    }

    static double ms(long nanos) {
        return nanos / NANOS_PER_MS;
    }
}
