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
 * @param referenceConnections the connection counts reference servers (Jetty, Helidon, Go) run it at; empty
 *                    when they skip it. They are there for scale, so the full suite gives them only the
 *                    workloads that set the scale, which keeps it within its time.
 * @param heavyPath   for the mixed workload, what a second group of connections asks for at the same time (CPU-heavy
 *                    work); null for every other workload
 * @param heavyConnectionsPerServerCpu how many connections that group has for each CPU the server may use: enough
 *                    to keep every carrier (or core) busy with heavy work
 */
public record Workload(String name, String path, boolean close, int pipeline, List<Integer> connections,
                       List<String> serverArgs, Duration idleAfter, List<Integer> referenceConnections,
                       String heavyPath, int heavyConnectionsPerServerCpu) {

    /** The cap the overload workload gives capped arms, below its connection count. */
    public static final int OVERLOAD_CAP = 64;

    public static final String PLAINTEXT = "plaintext";
    public static final String PLAINTEXT_CLOSE = "plaintext-close";
    public static final String PIPELINED = "pipelined";
    public static final String SLEEP = "sleep";
    public static final String CPU = "cpu";
    public static final String OVERLOAD = "overload";
    public static final String BURST = "burst";
    public static final String DOWNSTREAM = "downstream";
    public static final String DB = "db";
    public static final String MIXED = "mixed";

    /** plaintext-close with buffers owned by each connection: what buffer reuse alone is worth. */
    public static final String PLAINTEXT_CLOSE_CONNECTION_BUFFERS = "plaintext-close-connbuf";

    /** plaintext with a socket timeout on every read: what the per-read timer costs each model (the ablation). */
    public static final String PLAINTEXT_SOCKET_TIMEOUTS = "plaintext-socket-timeouts";

    public static final List<String> NAMES = List.of(PLAINTEXT, PLAINTEXT_SOCKET_TIMEOUTS, PLAINTEXT_CLOSE,
            PLAINTEXT_CLOSE_CONNECTION_BUFFERS, PIPELINED, SLEEP, CPU, OVERLOAD, BURST, DOWNSTREAM, DB, MIXED);

    /** The backend's think time for {@code downstream}: Quarkus's 30 ms. */
    public static final int DOWNSTREAM_MS = 30;

    /** A workload with no heavy group beside it. */
    Workload(String name, String path, boolean close, int pipeline, List<Integer> connections,
             List<String> serverArgs, Duration idleAfter, List<Integer> referenceConnections) {
        this(name, path, close, pipeline, connections, serverArgs, idleAfter, referenceConnections, null, 0);
    }

    static Workload plaintext(List<Integer> connections, List<Integer> references) {
        return new Workload(PLAINTEXT, "/plaintext", false, 1, connections, List.of(), Duration.ZERO, references);
    }

    /** Reference servers skip it: the option is poolbench's. */
    static Workload plaintextSocketTimeouts(List<Integer> connections) {
        return new Workload(PLAINTEXT_SOCKET_TIMEOUTS, "/plaintext", false, 1, connections,
                List.of("--timeouts", "socket"), Duration.ZERO, List.of());
    }

    static Workload plaintextClose(List<Integer> connections, List<Integer> references) {
        return new Workload(PLAINTEXT_CLOSE, "/plaintext", true, 1, connections, List.of(), Duration.ZERO, references);
    }

    static Workload plaintextCloseConnectionBuffers(List<Integer> connections) {
        return new Workload(PLAINTEXT_CLOSE_CONNECTION_BUFFERS, "/plaintext", true, 1, connections,
                List.of("--buffers", "connection"), Duration.ZERO, List.of());
    }

    static Workload pipelined(List<Integer> connections) {
        return new Workload(PIPELINED, "/plaintext", false, 16, connections, List.of(), Duration.ZERO, List.of());
    }

    /** A 10 ms downstream call: where thread-per-request designs pile threads up. */
    static Workload sleep(List<Integer> connections, List<Integer> references) {
        return new Workload(SLEEP, "/sleep?ms=10", false, 1, connections, List.of(), Duration.ZERO, references);
    }

    /** About 50 µs of CPU per request: where more threads cannot help. */
    static Workload cpu(List<Integer> connections) {
        return new Workload(CPU, "/cpu?work=50000", false, 1, connections, List.of(), Duration.ZERO, List.of());
    }

    /** More connections than the cap: capped arms answer 503s; uncapped ones grow threads. */
    static Workload overload(List<Integer> connections) {
        return new Workload(OVERLOAD, "/sleep?ms=5", false, 1, connections,
                List.of("--concurrency", Integer.toString(OVERLOAD_CAP)), Duration.ZERO, List.of());
    }

    /** A burst, then silence: pooled workers should be reaped after --max-idle-worker-duration. */
    static Workload burst(List<Integer> connections, Duration idle) {
        return new Workload(BURST, "/sleep?ms=2", false, 1, connections,
                List.of("--max-idle-worker-duration", "1s"), idle, List.of());
    }

    /**
     * /plaintext on most connections while two per server CPU ask for tens of milliseconds of CPU each on a 2026
     * x86 core (about 16–33 ms measured; {@code /cpu?work=5000000}): virtual threads are not time-sliced, so heavy
     * requests can hold every carrier and the light ones wait; platform threads are preempted by the OS. The
     * record's load is the light group's.
     */
    static Workload mixed(List<Integer> connections) {
        return new Workload(MIXED, "/plaintext", false, 1, connections, List.of(), Duration.ZERO, List.of(),
                "/cpu?work=5000000", 2);
    }

    /** Whether a heavy group runs beside the measured one. */
    boolean mixed() {
        return heavyPath != null;
    }

    /**
     * A blocking HTTP call to a backend process that answers after 30 ms, over the serving thread's own kept-alive
     * connection (Quarkus's setup: a virtual thread parks deep in a socket read).
     */
    static Workload downstream(List<Integer> connections) {
        return new Workload(DOWNSTREAM, "/downstream?ms=" + DOWNSTREAM_MS, false, 1, connections, List.of(),
                Duration.ZERO, List.of());
    }

    /** TechEmpower's single query on a real PostgreSQL through a HikariCP pool. */
    static Workload db(List<Integer> connections) {
        return new Workload(DB, "/db", false, 1, connections, List.of(), Duration.ZERO, List.of());
    }

    /** Whether the server needs the backend process ({@code --downstream}). */
    boolean needsBackend() {
        return path.startsWith("/downstream");
    }

    /** Whether the server needs the database ({@code --db-url}). */
    boolean needsDatabase() {
        return path.equals("/db");
    }

    /** The connection counts {@code arm} runs this workload at. */
    List<Integer> connectionsFor(boolean reference) {
        return reference ? referenceConnections : connections;
    }
}
