package poolbench.compare;

import java.time.Duration;
import java.util.List;

/**
 * One kind of load, the same on every arm: what is asked for, how connections behave, at which connection
 * counts, and the server options it needs (a cap for the overload case, a short idle limit for the burst).
 *
 * @param name        the name used in --workloads, file names and tables
 * @param path        the request target
 * @param close       a new connection per request
 * @param pipeline    requests in flight per connection
 * @param connections the connection counts to run it at
 * @param serverArgs  extra {@code poolbench serve} options for this workload
 * @param idleAfter   how long to keep sampling the server after the load stops (the burst's idle phase)
 */
public record Workload(String name, String path, boolean close, int pipeline, List<Integer> connections,
                       List<String> serverArgs, Duration idleAfter) {

    /** The cap the overload workload gives capped arms, below its connection count. */
    public static final int OVERLOAD_CAP = 64;

    public static final String PLAINTEXT = "plaintext";
    public static final String PLAINTEXT_CLOSE = "plaintext-close";
    public static final String PIPELINED = "pipelined";
    public static final String SLEEP = "sleep";
    public static final String CPU = "cpu";
    public static final String OVERLOAD = "overload";
    public static final String BURST = "burst";

    public static final List<String> NAMES = List.of(PLAINTEXT, PLAINTEXT_CLOSE, PIPELINED, SLEEP, CPU, OVERLOAD, BURST);

    static Workload plaintext(List<Integer> connections) {
        return new Workload(PLAINTEXT, "/plaintext", false, 1, connections, List.of(), Duration.ZERO);
    }

    static Workload plaintextClose(List<Integer> connections) {
        return new Workload(PLAINTEXT_CLOSE, "/plaintext", true, 1, connections, List.of(), Duration.ZERO);
    }

    static Workload pipelined(List<Integer> connections) {
        return new Workload(PIPELINED, "/plaintext", false, 16, connections, List.of(), Duration.ZERO);
    }

    /** A 10 ms downstream call: where thread-per-request designs pile threads up. */
    static Workload sleep(List<Integer> connections) {
        return new Workload(SLEEP, "/sleep?ms=10", false, 1, connections, List.of(), Duration.ZERO);
    }

    /** About 50 µs of CPU per request: where more threads cannot help. */
    static Workload cpu(List<Integer> connections) {
        return new Workload(CPU, "/cpu?work=50000", false, 1, connections, List.of(), Duration.ZERO);
    }

    /** More connections than the cap: capped arms answer 503s; uncapped ones grow threads. */
    static Workload overload(List<Integer> connections) {
        return new Workload(OVERLOAD, "/sleep?ms=5", false, 1, connections,
                List.of("--concurrency", Integer.toString(OVERLOAD_CAP)), Duration.ZERO);
    }

    /** A burst, then silence: pooled workers should be reaped after --max-idle-worker-duration. */
    static Workload burst(List<Integer> connections, Duration idle) {
        return new Workload(BURST, "/sleep?ms=2", false, 1, connections,
                List.of("--max-idle-worker-duration", "1s"), idle);
    }
}
