package poolbench.loadgen;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What a load run measured. Plain records all the way down, so any Jackson {@link ObjectMapper} writes it
 * and reads it back (the compare orchestrator embeds it in its own records; fields added by later versions are
 * ignored on reading); {@link #toJson()} is the document that {@code load --json} writes.
 *
 * <p>Accounting: every request counted in {@link #sent} ends as one of {@link #requests} (a complete
 * response of any status), one lost request in {@link #errors} (read, write, timeout or parse), or, only
 * when the run was stopped early, {@link #abandoned}. Only requests sent (open loop: due) in the
 * measured phase are counted; warm-up is not.
 *
 * @param tool               always {@code "poolbench-loadgen"}
 * @param mode               {@code "closed-loop"} or {@code "open-loop"}
 * @param startedAt          wall-clock start of the measured phase, ISO-8601
 * @param measuredSeconds    length of the measured phase (shorter than configured when interrupted)
 * @param requests           complete responses, any status
 * @param requestsPerSecond  {@code requests / measuredSeconds}
 * @param bytesRead          bytes received, headers included
 * @param clientCpuSeconds   CPU time of the generator's loop threads over the measured phase (and the wait for
 *                           the last answers): near {@code measuredSeconds} per thread, the generator was saturated
 * @param errorCauses        what the errors (all but {@code status}) were, in words ("connection refused", "no
 *                           response within 2s"), each counted as its error kind counts, the most frequent first
 * @param serviceTime        open loop only (else null): actual send to response, uncorrected
 * @param schedule           open loop only (else null): how well the generator kept its schedule
 * @param timeline           one entry per second of the measured phase
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"tool", "config", "mode", "startedAt", "measuredSeconds", "interrupted", "requests", "sent",
        "abandoned", "requestsPerSecond", "bytesRead", "bytesWritten", "bytesReadPerSecond", "clientCpuSeconds",
        "connections", "errors",
        "errorCauses", "statusClasses", "latency", "serviceTime", "schedule", "timeline"})
public record LoadResult(
        String tool,
        LoadConfig config,
        String mode,
        String startedAt,
        double measuredSeconds,
        boolean interrupted,
        long requests,
        long sent,
        long abandoned,
        double requestsPerSecond,
        long bytesRead,
        long bytesWritten,
        double bytesReadPerSecond,
        double clientCpuSeconds,
        Connections connections,
        Errors errors,
        Map<String, Long> errorCauses,
        StatusClasses statusClasses,
        LatencyReport latency,
        LatencyReport serviceTime,
        ScheduleReport schedule,
        List<SecondSample> timeline) {

    public static final String TOOL = "poolbench-loadgen";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    /** HdrHistogram's percentile output is customarily in milliseconds; values are recorded in nanoseconds. */
    private static final double HGRM_SCALE_TO_MS = 1e6;

    /** A result written before causes were recorded reads back with none. */
    public LoadResult {
        errorCauses = errorCauses == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(errorCauses));
    }

    /** A result without error causes (as fixtures build one). */
    public LoadResult(String tool, LoadConfig config, String mode, String startedAt, double measuredSeconds,
                      boolean interrupted, long requests, long sent, long abandoned, double requestsPerSecond,
                      long bytesRead, long bytesWritten, double bytesReadPerSecond, double clientCpuSeconds,
                      Connections connections, Errors errors, StatusClasses statusClasses, LatencyReport latency,
                      LatencyReport serviceTime, ScheduleReport schedule, List<SecondSample> timeline) {
        this(tool, config, mode, startedAt, measuredSeconds, interrupted, requests, sent, abandoned,
                requestsPerSecond, bytesRead, bytesWritten, bytesReadPerSecond, clientCpuSeconds, connections, errors,
                Map.of(), statusClasses, latency, serviceTime, schedule, timeline);
    }

    /**
     * @param opened         connections established in the measured phase
     * @param closedByServer connections the server ended in the measured phase: with Connection: close, or by
     *                       closing or resetting it at any point, before a response too
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonPropertyOrder({"opened", "closedByServer"})
    public record Connections(long opened, long closedByServer) {
    }

    /**
     * Errors by kind; see {@link Counter} for exactly what each counts. {@code status} responses are
     * complete and also in {@link #requests}; the other kinds are lost requests, except {@code connect},
     * which counts failed connection attempts.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonPropertyOrder({"connect", "read", "write", "timeout", "parse", "status"})
    public record Errors(long connect, long read, long write, long timeout, long parse, long status) {

        /** Requests that got no complete response. */
        public long lostRequests() {
            return read + write + timeout + parse;
        }
    }

    /** Complete responses by status class. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonPropertyOrder({"1xx", "2xx", "3xx", "4xx", "5xx", "other"})
    public record StatusClasses(
            @JsonProperty("1xx") long informational,
            @JsonProperty("2xx") long success,
            @JsonProperty("3xx") long redirection,
            @JsonProperty("4xx") long clientError,
            @JsonProperty("5xx") long serverError,
            @JsonProperty("other") long other) {
    }

    /** The latency histogram (nanoseconds): from the intended send time in an open loop. */
    public Histogram latencyHistogram() {
        return latency.decodeHistogram();
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void writeJson(Path file) throws IOException {
        Files.writeString(file, toJson() + System.lineSeparator());
    }

    public static LoadResult fromJson(String json) throws IOException {
        return JSON.readValue(json, LoadResult.class);
    }

    public static LoadResult readJson(Path file) throws IOException {
        return fromJson(Files.readString(file));
    }

    /** HdrHistogram's percentile distribution of {@link #latency}, in milliseconds (the .hgrm format). */
    public String latencyHgrm() {
        return hgrm(latency);
    }

    /** The same for {@link #serviceTime}; null in a closed loop. */
    public String serviceTimeHgrm() {
        return serviceTime == null ? null : hgrm(serviceTime);
    }

    public void writeLatencyHgrm(Path file) throws IOException {
        Files.writeString(file, latencyHgrm());
    }

    /** The summary that {@code load} prints, in the manner of wrk. */
    public String summary() {
        return SummaryText.of(this);
    }

    private static String hgrm(LatencyReport report) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            report.decodeHistogram().outputPercentileDistribution(out, HGRM_SCALE_TO_MS);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
