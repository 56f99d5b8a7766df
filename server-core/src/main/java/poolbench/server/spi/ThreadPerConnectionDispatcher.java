package poolbench.server.spi;

import java.io.IOException;
import java.net.Socket;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;

import poolbench.server.connection.ConnectionErrors;
import poolbench.server.connection.ConnectionServer;
import poolbench.server.connection.ConnectionServerFactory;

/**
 * Starts a thread for every connection, with a fresh {@link ConnectionServer} (so fresh buffers), and lets it end
 * with the connection: nothing is reused, nothing idles. The thread factory is the model under test: platform
 * threads make the {@code per-connection} arm (net/http's analogue), virtual ones the {@code virtual} arm. The two
 * differ besides only in their {@link CapPolicy}: {@code virtual} honours {@code --concurrency}, {@code per-connection}
 * has no cap. With a cap, a Semaphore gives the pool's bounded parallelism (refusal at the cap) without pooling
 * anything.
 *
 * <p>It lives in server-core, not in an arm module, because two arm modules share it and an arm module may only
 * depend on server-core.
 */
public final class ThreadPerConnectionDispatcher implements Dispatcher {

    private final ThreadFactory threads;
    private final ConnectionServerFactory servers;
    private final boolean logAllErrors;
    /** Null when uncapped. */
    private final Semaphore permits;
    private final AtomicLong started = new AtomicLong();
    private final AtomicLong alive = new AtomicLong();
    private final AtomicLong peak = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private volatile boolean closed;

    /**
     * @param threads      makes the thread each connection runs on
     * @param cap          connections served at once; empty for no cap (then nothing is ever refused while open)
     * @param servers      makes the fresh ConnectionServer each connection gets
     * @param logAllErrors log benign connection errors too
     */
    public ThreadPerConnectionDispatcher(ThreadFactory threads, OptionalInt cap, ConnectionServerFactory servers,
                                         boolean logAllErrors) {
        this.threads = Objects.requireNonNull(threads, "threads");
        this.servers = Objects.requireNonNull(servers, "servers");
        this.logAllErrors = logAllErrors;
        this.permits = cap.isPresent() ? new Semaphore(cap.getAsInt()) : null;
    }

    /**
     * Refuses only at the cap or once closed. If the thread cannot start (the OS is out of threads) the counts are
     * undone and the Error propagates: that is the model's overload behaviour, not a capacity the arm chose.
     */
    @Override
    public boolean dispatch(Socket connection) {
        if (closed) {
            return false;
        }
        if (permits != null && !permits.tryAcquire()) {
            rejected.incrementAndGet();
            return false;
        }
        Thread thread = threads.newThread(() -> serve(connection));
        started.incrementAndGet();
        peak.accumulateAndGet(alive.incrementAndGet(), Math::max);
        try {
            thread.start();
        } catch (RuntimeException | Error e) {
            ended();
            started.decrementAndGet();
            throw e;
        }
        return true;
    }

    private void serve(Socket connection) {
        ConnectionServer server = null;
        try {
            server = servers.newConnectionServer();
            server.serve(connection);
        } catch (Exception e) {
            closeQuietly(connection);
            ConnectionErrors.log(connection, e, logAllErrors);
        } finally {
            if (server != null) {
                // This thread's own downstream connection goes with it.
                server.close();
            }
            ended();
        }
    }

    /**
     * The permit goes back first, so that once alive shows a connection gone, its place can be taken. So a new
     * connection's thread may start while the old one is still ending: the threads alive may pass the cap for an
     * instant, the connections served at once never do (RELIABILITY.md, finding 3).
     */
    private void ended() {
        if (permits != null) {
            permits.release();
        }
        alive.decrementAndGet();
    }

    /** serve() closes the connection itself; this is for a ConnectionServer that could not even be made. */
    private static void closeQuietly(Socket connection) {
        try {
            connection.close();
        } catch (IOException ignored) {
            // The connection is being dropped either way.
        }
    }

    /** Alive is read first: started and peak only grow, so the snapshot keeps started >= peak >= alive. */
    @Override
    public DispatcherStats stats() {
        long aliveNow = alive.get();
        long peakNow = Math.max(peak.get(), aliveNow);
        return new DispatcherStats(aliveNow, 0, peakNow, started.get(), 0, rejected.get());
    }

    /** Starts no more threads; the running ones end with their connections. */
    @Override
    public void close() {
        closed = true;
    }
}
