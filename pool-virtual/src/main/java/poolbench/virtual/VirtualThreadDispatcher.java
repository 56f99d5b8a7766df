package poolbench.virtual;

import java.io.IOException;
import java.net.Socket;
import java.util.OptionalInt;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;
import poolbench.server.ConnectionErrors;
import poolbench.server.ConnectionServer;
import poolbench.server.ConnectionServers;
import poolbench.server.Dispatcher;
import poolbench.server.DispatcherStats;

/**
 * Starts a virtual thread for every connection, with a fresh {@link poolbench.server.ConnectionServer}, and lets
 * it end with the connection. Without a cap this is the per-connection arm with the thread made cheap; with one, a
 * Semaphore gives the pool's bounded parallelism (refusal at the cap) without pooling anything.
 */
final class VirtualThreadDispatcher implements Dispatcher {

    private final ThreadFactory threads = Thread.ofVirtual().name("virtual-", 0).factory();
    private final ConnectionServers servers;
    private final boolean logAllErrors;
    /** Null when uncapped. */
    private final Semaphore permits;
    private final AtomicLong started = new AtomicLong();
    private final AtomicLong alive = new AtomicLong();
    private final AtomicLong peak = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private volatile boolean closed;

    VirtualThreadDispatcher(ConnectionServers servers, OptionalInt concurrency, boolean logAllErrors) {
        this.servers = servers;
        this.logAllErrors = logAllErrors;
        this.permits = concurrency.isPresent() ? new Semaphore(concurrency.getAsInt()) : null;
    }

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

    /** The permit goes back first, so that once alive shows a connection gone, its place can be taken. */
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
