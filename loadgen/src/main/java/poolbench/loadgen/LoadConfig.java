package poolbench.loadgen;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Duration;

/**
 * Everything that defines a load run, with every default in this one place. Build one with
 * {@link #defaults(String)} and the {@code with...} methods; the constructor rejects what cannot run,
 * with a message that names the fix (the command line prints it as it is).
 *
 * @param url         target, {@code http://host[:port][/path][?query]}
 * @param connections connections kept open (closed loop: each has {@code pipeline} requests in flight)
 * @param threads     selector loops; connections are split evenly, more threads than connections are not started
 * @param duration    measured phase
 * @param warmup      phase before it, run the same way, whose results are discarded
 * @param rate        requests per second over all connections for an open loop, or null for a closed loop
 * @param close       a new connection per request, each sending {@code Connection: close}
 * @param pipeline    requests in flight per connection
 * @param timeout     a request without a complete response after this long counts as a timeout and its
 *                    connection is reopened; the run also waits at most this long for in-flight responses
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonPropertyOrder({"url", "connections", "threads", "duration", "warmup", "rate", "close", "pipeline", "timeout"})
public record LoadConfig(
        String url,
        int connections,
        int threads,
        @JsonSerialize(using = DurationText.Serializer.class) @JsonDeserialize(using = DurationText.Deserializer.class)
        Duration duration,
        @JsonSerialize(using = DurationText.Serializer.class) @JsonDeserialize(using = DurationText.Deserializer.class)
        Duration warmup,
        Double rate,
        boolean close,
        int pipeline,
        @JsonSerialize(using = DurationText.Serializer.class) @JsonDeserialize(using = DurationText.Deserializer.class)
        Duration timeout) {

    public static final int DEFAULT_CONNECTIONS = 64;
    public static final Duration DEFAULT_DURATION = Duration.ofSeconds(10);
    public static final Duration DEFAULT_WARMUP = Duration.ZERO;
    public static final int DEFAULT_PIPELINE = 1;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    public LoadConfig {
        HttpTarget.parse(url);
        if (connections < 1) {
            throw new IllegalArgumentException("-c/--connections must be at least 1 (got " + connections + ")");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("-t/--threads must be at least 1 (got " + threads + ")");
        }
        threads = Math.min(threads, connections);
        requirePositive(duration, "-d/--duration");
        if (warmup == null || warmup.isNegative()) {
            throw new IllegalArgumentException("--warmup must be zero or positive, e.g. 2s (got " + text(warmup) + ")");
        }
        if (rate != null && !(rate > 0 && Double.isFinite(rate))) {
            throw new IllegalArgumentException("--rate must be a positive number of requests per second, e.g. 1000 (got "
                    + rate + "); omit it for a closed loop");
        }
        if (pipeline < 1) {
            throw new IllegalArgumentException("--pipeline must be at least 1 (got " + pipeline + ")");
        }
        if (close && pipeline > 1) {
            throw new IllegalArgumentException("--pipeline needs keep-alive connections; drop --close or use --pipeline 1");
        }
        requirePositive(timeout, "--timeout");
    }

    /** A closed loop of {@link #DEFAULT_CONNECTIONS} keep-alive connections for {@link #DEFAULT_DURATION}. */
    public static LoadConfig defaults(String url) {
        return new LoadConfig(url, DEFAULT_CONNECTIONS, defaultThreads(), DEFAULT_DURATION, DEFAULT_WARMUP, null,
                false, DEFAULT_PIPELINE, DEFAULT_TIMEOUT);
    }

    /** One selector loop per processor the JVM may use (so {@code taskset -c 1} gives one). */
    public static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }

    public LoadConfig withConnections(int value) {
        return new LoadConfig(url, value, threads, duration, warmup, rate, close, pipeline, timeout);
    }

    public LoadConfig withThreads(int value) {
        return new LoadConfig(url, connections, value, duration, warmup, rate, close, pipeline, timeout);
    }

    public LoadConfig withDuration(Duration value) {
        return new LoadConfig(url, connections, threads, value, warmup, rate, close, pipeline, timeout);
    }

    public LoadConfig withWarmup(Duration value) {
        return new LoadConfig(url, connections, threads, duration, value, rate, close, pipeline, timeout);
    }

    /** An open loop at {@code value} requests per second in total, or a closed loop for null. */
    public LoadConfig withRate(Double value) {
        return new LoadConfig(url, connections, threads, duration, warmup, value, close, pipeline, timeout);
    }

    public LoadConfig withClose(boolean value) {
        return new LoadConfig(url, connections, threads, duration, warmup, rate, value, pipeline, timeout);
    }

    public LoadConfig withPipeline(int value) {
        return new LoadConfig(url, connections, threads, duration, warmup, rate, close, value, timeout);
    }

    public LoadConfig withTimeout(Duration value) {
        return new LoadConfig(url, connections, threads, duration, warmup, rate, close, pipeline, value);
    }

    /** True for an open loop ({@link #rate} set): requests are sent on a schedule, not when answers arrive. */
    @JsonIgnore
    public boolean openLoop() {
        return rate != null;
    }

    HttpTarget target() {
        return HttpTarget.parse(url);
    }

    private static void requirePositive(Duration value, String option) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(option + " must be positive, e.g. 10s or 500ms (got " + text(value) + ")");
        }
    }

    private static String text(Duration value) {
        return value == null ? "nothing" : DurationText.format(value);
    }
}
