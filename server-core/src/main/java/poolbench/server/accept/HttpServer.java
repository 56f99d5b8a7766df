package poolbench.server.accept;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;

import poolbench.server.connection.ConnectionLoop;
import poolbench.server.connection.DeadlineSweeper;
import poolbench.server.endpoints.Backends;
import poolbench.server.endpoints.CpuExecutor;
import poolbench.server.endpoints.Replies;
import poolbench.server.endpoints.WorldDatabase;
import poolbench.server.http.ResponseWriter;
import poolbench.server.http.ResponseWriter.Connection;
import poolbench.server.http.ResponseWriter.Status;
import poolbench.server.spi.Arm;
import poolbench.server.spi.ArmOptions;
import poolbench.server.spi.Dispatcher;
import poolbench.server.spi.DispatcherStats;
import poolbench.server.spi.RunningServer;
import poolbench.server.stats.ServerStats;
import poolbench.server.stats.StatsEndpoint;
import poolbench.server.stats.StatsSnapshot;

/**
 * The one HTTP/1.1 server every arm runs behind: an accept loop on its own platform thread hands each connection
 * to the arm's {@link Dispatcher}; a {@link ConnectionLoop} serves it on whatever thread the dispatcher chose.
 *
 * <p>When the dispatcher is at capacity the accept thread does what fasthttp's {@code Server.Serve} does: writes
 * a fast 503, closes, logs at most once a minute, and sleeps {@link ServerConfig#sleepOnOverflow()}.
 */
public final class HttpServer implements RunningServer {

    /** fasthttp's text for a connection refused at the concurrency limit. */
    public static final String OVERFLOW_MESSAGE =
            "The connection cannot be served because Server.Concurrency limit exceeded";

    private static final byte[] OVERFLOW_BODY = ResponseWriter.ascii(OVERFLOW_MESSAGE);
    private static final long OVERFLOW_LOG_INTERVAL_NANOS = Duration.ofMinutes(1).toNanos();
    /** While accepts fail, each retry waits this long for a connection (see {@link DescriptorReserve}). */
    private static final int RETRY_ACCEPT_WAIT_MILLIS = 10;
    private static final System.Logger LOG = System.getLogger("poolbench.server");

    private final ServerConfig config;
    private final String armName;
    private final int concurrencyForLog;
    private final ServerSocket listener;
    private final Dispatcher dispatcher;
    private final ServerStats stats = new ServerStats();
    private final Thread acceptThread;
    private final StatsEndpoint admin;
    private final DeadlineSweeper sweeper;
    private final CpuExecutor cpu;
    private final ResponseWriter overflowWriter = new ResponseWriter(512);
    private final AcceptBackoff acceptFailures;
    private long lastOverflowLog = System.nanoTime() - OVERFLOW_LOG_INTERVAL_NANOS - 1;
    private volatile boolean closed;

    private final Backends backends;

    private HttpServer(ServerConfig config, Arm arm, ArmOptions options, Backends backends) throws IOException {
        this.config = config;
        this.backends = backends;
        this.armName = arm.name();
        this.concurrencyForLog = options.concurrencyOrDefault();
        // Before the first accept: the failure path must find everything it needs already loaded.
        this.acceptFailures = new AcceptBackoff(LOG, "accept on the " + arm.name() + " port");
        this.listener = new ServerSocket();
        DeadlineSweeper startedSweeper = null;
        Dispatcher startedDispatcher = null;
        CpuExecutor startedCpu = null;
        try {
            listener.setReuseAddress(true);
            listener.bind(new InetSocketAddress(InetAddress.getByName(config.host()), config.port()), config.backlog());
            DeadlineSweeper deadlines = new DeadlineSweeper(config, stats, "deadline-sweeper-" + arm.name());
            startedSweeper = deadlines;
            CpuExecutor cpuWork = CpuExecutor.start(config.cpuExecutorThreads());
            startedCpu = cpuWork;
            startedDispatcher = arm.create(options,
                    () -> new ConnectionLoop(config, stats, deadlines, backends, cpuWork));
            this.sweeper = deadlines;
            this.cpu = cpuWork;
            this.dispatcher = startedDispatcher;
            this.admin = config.adminPort() < 0 ? null
                    : new StatsEndpoint(config.adminHost(), config.adminPort(), this::stats);
        } catch (IOException | RuntimeException e) {
            // A failed start (the admin port taken, say) must not leave the pool's or the sweeper's threads behind.
            if (startedDispatcher != null) {
                startedDispatcher.close();
            }
            if (startedSweeper != null) {
                startedSweeper.close();
            }
            if (startedCpu != null) {
                startedCpu.close();
            }
            listener.close();
            throw e;
        }
        this.acceptThread = Thread.ofPlatform().name("accept-" + arm.name()).unstarted(this::acceptLoop);
        acceptThread.start();
    }

    /** Binds, starts the arm and the accept loop, and returns the running server. */
    public static HttpServer start(ServerConfig config, Arm arm, ArmOptions options) throws IOException {
        return new HttpServer(config, arm, options, Backends.NONE);
    }

    /** The same, with {@code /downstream} and {@code /db} calling out to {@code backends}. */
    public static HttpServer start(ServerConfig config, Arm arm, ArmOptions options, Backends backends)
            throws IOException {
        return new HttpServer(config, arm, options, backends);
    }

    /**
     * Accepts until closed. Nothing thrown ends it, short of the server closing: out of descriptors (EMFILE,
     * ENFILE) or anything else, it backs off, reports at most once a second, and accepts again, so connections
     * waiting in the listen queue are served as soon as descriptors are freed.
     */
    private void acceptLoop() {
        // Set by a failed accept and cleared only once an accept finds nobody waiting, not by the next success:
        // a plain accept right after one would take the descriptors the stats endpoint frees from its reserve.
        boolean shortOfDescriptors = false;
        while (!closed) {
            Socket connection;
            try {
                connection = shortOfDescriptors
                        ? DescriptorReserve.PROCESS.acceptWhileShort(listener, RETRY_ACCEPT_WAIT_MILLIS)
                        : listener.accept();
            } catch (SocketTimeoutException e) {
                // Failing accepts ended with nobody left waiting: back to the plain blocking accept.
                shortOfDescriptors = false;
                acceptFailures.succeeded();
                continue;
            } catch (Throwable e) {
                if (closed) {
                    return;
                }
                shortOfDescriptors = true;
                acceptFailures.failed(e);
                continue;
            }
            acceptFailures.succeeded();
            try {
                hand(connection);
            } catch (Throwable e) {
                // Whatever went wrong between the accept and the hand-off, the connection is ours to drop.
                closeQuietly(connection);
            }
        }
    }

    private void hand(Socket connection) {
        stats.connectionAccepted(connection);
        try {
            connection.setTcpNoDelay(true);
        } catch (SocketException e) {
            closeQuietly(connection);
            stats.connectionEnded(connection);
            return;
        }
        if (!dispatch(connection)) {
            overflow(connection);
        }
    }

    /**
     * Hands the connection to the arm. A thread that cannot be started (out of memory or native threads: what
     * an uncapped thread per connection meets under overload) is an overflow too, not the end of the accept
     * loop.
     */
    private boolean dispatch(Socket connection) {
        try {
            return dispatcher.dispatch(connection);
        } catch (OutOfMemoryError | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, armName + " could not take a connection: " + e);
            return false;
        }
    }

    private void overflow(Socket connection) {
        stats.connectionRejected(connection);
        try (connection) {
            OutputStream out = connection.getOutputStream();
            overflowWriter.write(Status.SERVICE_UNAVAILABLE, Replies.ContentType.TEXT_PLAIN.bytes(), OVERFLOW_BODY,
                    OVERFLOW_BODY.length, Connection.CLOSE, out);
            overflowWriter.flush(out);
        } catch (IOException e) {
            overflowWriter.clear();
        }
        long now = System.nanoTime();
        if (now - lastOverflowLog > OVERFLOW_LOG_INTERVAL_NANOS) {
            lastOverflowLog = now;
            LOG.log(System.Logger.Level.WARNING, "The incoming connection cannot be served, because "
                    + concurrencyForLog + " concurrent connections are served. Try increasing --concurrency");
        }
        if (!config.sleepOnOverflow().isZero()) {
            pause(config.sleepOnOverflow());
        }
    }

    private static void pause(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // Nothing more to do for a socket we are dropping.
        }
    }

    @Override
    public int port() {
        return listener.getLocalPort();
    }

    @Override
    public int adminPort() {
        return admin == null ? -1 : admin.port();
    }

    /** Accepts that failed since the start (out of descriptors, say). */
    public long acceptFailures() {
        return acceptFailures.failures();
    }

    public String armName() {
        return armName;
    }

    public ServerStats serverStats() {
        return stats;
    }

    public DispatcherStats dispatcherStats() {
        return dispatcher.stats();
    }

    public StatsSnapshot stats() {
        return StatsSnapshot.take(armName, config.buffers(), stats, dispatcher.stats(),
                backends.database().map(WorldDatabase::stats).orElse(WorldDatabase.PoolStats.NONE), cpu);
    }

    /**
     * Stops accepting, closes every open connection, and closes the dispatcher: idle workers exit at once, busy
     * ones as soon as their connection's next read or write fails. Waits only for the accept thread and the
     * deadline sweeper, both quick to end.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            listener.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                acceptThread.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            dispatcher.close();
            stats.closeAllOpen();
            sweeper.close();
            cpu.close();
            if (admin != null) {
                admin.close();
            }
        }
    }
}
