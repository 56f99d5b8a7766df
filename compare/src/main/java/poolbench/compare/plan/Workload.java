package poolbench.compare.plan;

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
 * @param server      the {@code poolbench serve} options this workload gives the server
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
                       ServeOptions server, Duration idleAfter, List<Integer> referenceConnections,
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
    public Workload(String name, String path, boolean close, int pipeline, List<Integer> connections,
             ServeOptions server, Duration idleAfter, List<Integer> referenceConnections) {
        this(name, path, close, pipeline, connections, server, idleAfter, referenceConnections, null, 0);
    }

    public static Workload plaintext(List<Integer> connections, List<Integer> references) {
        return new Workload(PLAINTEXT, "/plaintext", false, 1, connections, ServeOptions.DEFAULTS, Duration.ZERO, references);
    }

    /** Reference servers skip it: the option is poolbench's. */
    public static Workload plaintextSocketTimeouts(List<Integer> connections) {
        return new Workload(PLAINTEXT_SOCKET_TIMEOUTS, "/plaintext", false, 1, connections,
                ServeOptions.DEFAULTS.withTimeouts(poolbench.server.connection.TimeoutMode.SOCKET), Duration.ZERO, List.of());
    }

    public static Workload plaintextClose(List<Integer> connections, List<Integer> references) {
        return new Workload(PLAINTEXT_CLOSE, "/plaintext", true, 1, connections, ServeOptions.DEFAULTS, Duration.ZERO, references);
    }

    public static Workload plaintextCloseConnectionBuffers(List<Integer> connections) {
        return new Workload(PLAINTEXT_CLOSE_CONNECTION_BUFFERS, "/plaintext", true, 1, connections,
                ServeOptions.DEFAULTS.withBuffers(poolbench.server.connection.BufferOwnership.CONNECTION), Duration.ZERO,
                List.of());
    }

    public static Workload pipelined(List<Integer> connections) {
        return new Workload(PIPELINED, "/plaintext", false, 16, connections, ServeOptions.DEFAULTS, Duration.ZERO,
                List.of());
    }

    /** A 10 ms downstream call: where thread-per-request designs pile threads up. */
    public static Workload sleep(List<Integer> connections, List<Integer> references) {
        return new Workload(SLEEP, "/sleep?ms=10", false, 1, connections, ServeOptions.DEFAULTS, Duration.ZERO, references);
    }

    /** About 50 µs of CPU per request: where more threads cannot help. */
    public static Workload cpu(List<Integer> connections) {
        return new Workload(CPU, "/cpu?work=50000", false, 1, connections, ServeOptions.DEFAULTS, Duration.ZERO,
                List.of());
    }

    /** More connections than the cap: capped arms answer 503s; uncapped ones grow threads. */
    public static Workload overload(List<Integer> connections) {
        return new Workload(OVERLOAD, "/sleep?ms=5", false, 1, connections,
                ServeOptions.DEFAULTS.withConcurrency(OVERLOAD_CAP), Duration.ZERO, List.of());
    }

    /** A burst, then silence: pooled workers should be reaped after --max-idle-worker-duration. */
    public static Workload burst(List<Integer> connections, Duration idle) {
        return new Workload(BURST, "/sleep?ms=2", false, 1, connections,
                ServeOptions.DEFAULTS.withMaxIdleWorkerDuration(Duration.ofSeconds(1)), idle, List.of());
    }

    /**
     * /plaintext on most connections while two per server CPU ask for tens of milliseconds of CPU each on a 2026
     * x86 core (about 16–33 ms measured; {@code /cpu?work=5000000}): virtual threads are not time-sliced, so heavy
     * requests can hold every carrier and the light ones wait; platform threads are preempted by the OS. The
     * record's load is the light group's.
     */
    public static Workload mixed(List<Integer> connections) {
        return new Workload(MIXED, "/plaintext", false, 1, connections, ServeOptions.DEFAULTS, Duration.ZERO,
                List.of(),
                "/cpu?work=5000000", 2);
    }

    /** serve's flags for {@link #server}. */
    public List<String> serverArgs() {
        return server.args();
    }

    /** Whether a heavy group runs beside the measured one. */
    public boolean mixed() {
        return heavyPath != null;
    }

    /**
     * A blocking HTTP call to a backend process that answers after 30 ms, over the serving thread's own kept-alive
     * connection (Quarkus's setup: a virtual thread parks deep in a socket read).
     */
    public static Workload downstream(List<Integer> connections) {
        return new Workload(DOWNSTREAM, "/downstream?ms=" + DOWNSTREAM_MS, false, 1, connections, ServeOptions.DEFAULTS,
                Duration.ZERO, List.of());
    }

    /** TechEmpower's single query on a real PostgreSQL through a HikariCP pool. */
    public static Workload db(List<Integer> connections) {
        return new Workload(DB, "/db", false, 1, connections, ServeOptions.DEFAULTS, Duration.ZERO, List.of());
    }

    /**
     * What a request asks the server to wait, in milliseconds: a sleep's or a downstream call's {@code ms}
     * parameter, 0 for every other request.
     */
    public double waitMillis() {
        int q = path.indexOf("ms=");
        if (q < 0 || !(path.startsWith("/sleep") || path.startsWith("/downstream"))) {
            return 0;
        }
        String digits = path.substring(q + 3).replaceAll("[^0-9].*", "");
        return digits.isEmpty() ? 0 : Double.parseDouble(digits);
    }

    /** Whether the server needs the backend process ({@code --downstream}). */
    public boolean needsBackend() {
        return path.startsWith("/downstream");
    }

    /** Whether the server needs the database ({@code --db-url}). */
    public boolean needsDatabase() {
        return path.equals("/db");
    }

    /** The connection counts {@code arm} runs this workload at. */
    public List<Integer> connectionsFor(boolean reference) {
        return reference ? referenceConnections : connections;
    }
}
