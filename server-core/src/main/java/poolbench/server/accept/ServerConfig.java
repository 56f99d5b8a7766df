package poolbench.server.accept;

import java.time.Duration;
import java.util.Objects;

import poolbench.server.connection.BufferOwnership;
import poolbench.server.connection.TimeoutMode;
import poolbench.server.endpoints.CpuExecutor;
import poolbench.server.spi.ArmOptions;

/**
 * Everything the HTTP server can be told, with the defaults in one place. The arm's own options live in
 * {@link ArmOptions}.
 *
 * @param host                the address to bind; loopback unless told otherwise
 * @param port                the port for the arm under test; 0 picks a free one
 * @param adminHost           the address the stats endpoint binds: loopback whatever {@code host} is, unless told
 *                            otherwise (its figures are nobody's business outside the machine by default)
 * @param adminPort           the port of the stats endpoint; 0 picks a free one, -1 runs none
 * @param buffers             who owns the read and write buffers
 * @param readTimeout         the longest a request may take to arrive, from its first byte (from the accept for
 *                            a connection's first request); a client that trickles or sends nothing is closed
 * @param idleTimeout         the longest a keep-alive connection may wait for its next request
 * @param writeTimeout        the longest one write of responses may block; a client that stops reading is closed
 *                            once a write has been stuck this long (the deadline sweeper checks about every 250 ms)
 * @param timeouts            how the read and idle timeouts are enforced: by the deadline sweeper with untimed
 *                            reads (the default), or by a socket timeout on each read (the ablation)
 * @param sleepOnOverflow     fasthttp's SleepWhenConcurrencyLimitsExceeded: 0 now, 100 ms in the article's version
 * @param maxRequestLineBytes a longer request line is answered 414
 * @param maxHeaderBytes      a longer header section (request line included) is answered 431; also the read
 *                            buffer's size
 * @param maxBodyBytes        a larger Content-Length is answered 413
 * @param backlog             the listen backlog
 * @param cpuExecutorThreads  0 (the default) runs {@code /cpu}'s work on the serving thread; N runs it on a pool of
 *                            N platform threads while the serving thread waits (see {@link CpuExecutor}): the
 *                            mitigation advised for CPU-heavy work on virtual threads, as an ablation for every arm
 */
public record ServerConfig(String host, int port, String adminHost, int adminPort, BufferOwnership buffers,
                           Duration readTimeout, Duration idleTimeout, Duration writeTimeout, TimeoutMode timeouts,
                           Duration sleepOnOverflow, int maxRequestLineBytes, int maxHeaderBytes, long maxBodyBytes,
                           int backlog, int cpuExecutorThreads) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8080;
    /** The stats endpoint stays on loopback even when the arm's port is opened to the network. */
    public static final String DEFAULT_ADMIN_HOST = "127.0.0.1";
    /** The stats endpoint sits next to the arm's port. */
    public static final int DEFAULT_ADMIN_PORT = DEFAULT_PORT + 1;
    /** fasthttp's default: a worker keeps its buffers. */
    public static final BufferOwnership DEFAULT_BUFFERS = BufferOwnership.WORKER;
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(60);
    public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(10);
    /** Untimed reads and one deadline sweeper; socket timeouts on each read are the ablation. */
    public static final TimeoutMode DEFAULT_TIMEOUTS = TimeoutMode.WATCHDOG;
    /** Current fasthttp's SleepWhenConcurrencyLimitsExceeded: no pause. */
    public static final Duration DEFAULT_SLEEP_ON_OVERFLOW = Duration.ZERO;
    public static final int DEFAULT_MAX_REQUEST_LINE_BYTES = 4096;
    public static final int DEFAULT_MAX_HEADER_BYTES = 8192;
    public static final long DEFAULT_MAX_BODY_BYTES = 1 << 20;
    public static final int DEFAULT_BACKLOG = 4096;
    /** Off: /cpu computes on the thread that serves the connection, as every other endpoint does its work. */
    public static final int DEFAULT_CPU_EXECUTOR_THREADS = 0;

    public static final ServerConfig DEFAULTS = new ServerConfig(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_ADMIN_HOST,
            DEFAULT_ADMIN_PORT, DEFAULT_BUFFERS, DEFAULT_READ_TIMEOUT, DEFAULT_IDLE_TIMEOUT, DEFAULT_WRITE_TIMEOUT,
            DEFAULT_TIMEOUTS, DEFAULT_SLEEP_ON_OVERFLOW, DEFAULT_MAX_REQUEST_LINE_BYTES, DEFAULT_MAX_HEADER_BYTES,
            DEFAULT_MAX_BODY_BYTES, DEFAULT_BACKLOG, DEFAULT_CPU_EXECUTOR_THREADS);

    public ServerConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(adminHost, "adminHost");
        Objects.requireNonNull(buffers, "buffers");
        Objects.requireNonNull(timeouts, "timeouts");
        requirePositive(readTimeout, "readTimeout");
        requirePositive(idleTimeout, "idleTimeout");
        requirePositive(writeTimeout, "writeTimeout");
        if (sleepOnOverflow.isNegative()) {
            throw new IllegalArgumentException("sleepOnOverflow must not be negative, was " + sleepOnOverflow);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        if (adminPort < -1 || adminPort > 65535) {
            throw new IllegalArgumentException("admin port must be -1 (none), 0 (any) or 1..65535, was " + adminPort);
        }
        if (maxRequestLineBytes < 16 || maxHeaderBytes < maxRequestLineBytes) {
            throw new IllegalArgumentException("need 16 <= maxRequestLineBytes <= maxHeaderBytes, were "
                    + maxRequestLineBytes + " and " + maxHeaderBytes);
        }
        if (maxBodyBytes < 0 || backlog < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be >= 0 and backlog >= 1");
        }
        if (cpuExecutorThreads < 0) {
            throw new IllegalArgumentException("cpuExecutorThreads (serve --cpu-executor) must be 0 (off) or a "
                    + "thread count, was " + cpuExecutorThreads);
        }
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + d);
        }
    }

    /** Loopback, any free ports: what tests and in-process benchmarks use. */
    public static ServerConfig ephemeral() {
        return DEFAULTS.withPorts(0, 0);
    }

    public ServerConfig withHost(String h) {
        return new ServerConfig(h, port, adminHost, adminPort, buffers, readTimeout, idleTimeout, writeTimeout,
                timeouts, sleepOnOverflow, maxRequestLineBytes, maxHeaderBytes, maxBodyBytes, backlog,
                cpuExecutorThreads);
    }

    /** Where the stats endpoint binds, {@code 0.0.0.0} to open it to the network on purpose. */
    public ServerConfig withAdminHost(String h) {
        return new ServerConfig(host, port, h, adminPort, buffers, readTimeout, idleTimeout, writeTimeout,
                timeouts, sleepOnOverflow, maxRequestLineBytes, maxHeaderBytes, maxBodyBytes, backlog,
                cpuExecutorThreads);
    }

    public ServerConfig withPorts(int p, int admin) {
        return new ServerConfig(host, p, adminHost, admin, buffers, readTimeout, idleTimeout, writeTimeout,
                timeouts, sleepOnOverflow, maxRequestLineBytes, maxHeaderBytes, maxBodyBytes, backlog,
                cpuExecutorThreads);
    }

    public ServerConfig withBuffers(BufferOwnership b) {
        return new ServerConfig(host, port, adminHost, adminPort, b, readTimeout, idleTimeout, writeTimeout,
                timeouts, sleepOnOverflow, maxRequestLineBytes, maxHeaderBytes, maxBodyBytes, backlog,
                cpuExecutorThreads);
    }

    public ServerConfig withTimeouts(Duration read, Duration idle) {
        return new ServerConfig(host, port, adminHost, adminPort, buffers, read, idle, writeTimeout, timeouts,
                sleepOnOverflow, maxRequestLineBytes, maxHeaderBytes, maxBodyBytes, backlog,
                cpuExecutorThreads);
    }

    public ServerConfig withWriteTimeout(Duration write) {
        return new ServerConfig(host, port, adminHost, adminPort, buffers, readTimeout, idleTimeout, write, timeouts,
                sleepOnOverflow, maxRequestLineBytes, maxHeaderBytes, maxBodyBytes, backlog,
                cpuExecutorThreads);
    }

    public ServerConfig withTimeoutMode(TimeoutMode mode) {
        return new ServerConfig(host, port, adminHost, adminPort, buffers, readTimeout, idleTimeout, writeTimeout,
                mode, sleepOnOverflow, maxRequestLineBytes, maxHeaderBytes, maxBodyBytes, backlog,
                cpuExecutorThreads);
    }

    public ServerConfig withSleepOnOverflow(Duration d) {
        return new ServerConfig(host, port, adminHost, adminPort, buffers, readTimeout, idleTimeout, writeTimeout,
                timeouts, d, maxRequestLineBytes, maxHeaderBytes, maxBodyBytes, backlog,
                cpuExecutorThreads);
    }

    public ServerConfig withLimits(int requestLine, int headers, long body) {
        return new ServerConfig(host, port, adminHost, adminPort, buffers, readTimeout, idleTimeout, writeTimeout,
                timeouts, sleepOnOverflow, requestLine, headers, body, backlog,
                cpuExecutorThreads);
    }

    public ServerConfig withCpuExecutorThreads(int threads) {
        return new ServerConfig(host, port, adminHost, adminPort, buffers, readTimeout, idleTimeout, writeTimeout,
                timeouts, sleepOnOverflow, maxRequestLineBytes, maxHeaderBytes, maxBodyBytes, backlog, threads);
    }
}
