package poolbench.loadgen;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One second of the measured phase. Responses that arrive while the run waits for answers in flight after
 * the last second are counted in the last second.
 *
 * @param second   seconds since the start of measurement, from 0
 * @param requests responses completed in that second
 * @param errors   failed connects, lost requests and non-2xx/3xx responses in that second
 * @param p50Ms    median latency of the responses in that second (from the intended send time in an open loop)
 * @param p99Ms    99th percentile of the same
 * @param maxMs    largest of the same
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"second", "requests", "errors", "p50Ms", "p99Ms", "maxMs"})
public record SecondSample(int second, long requests, long errors, double p50Ms, double p99Ms, double maxMs) {
}
