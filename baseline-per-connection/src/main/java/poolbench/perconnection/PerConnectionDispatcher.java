package poolbench.perconnection;

import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;
import poolbench.server.ConnectionErrors;
import poolbench.server.ConnectionServer;
import poolbench.server.ConnectionServers;
import poolbench.server.Dispatcher;
import poolbench.server.DispatcherStats;

/**
 * Starts a platform thread for every connection, with a fresh {@link poolbench.server.ConnectionServer} (so fresh
 * buffers), and lets it end with the connection: nothing is reused, nothing is capped, nothing idles.
 *
 * <p>The threads are daemons, as virtual threads always are, so that this arm differs from the others only in
 * the thread model: the server's stop decides when the JVM may exit, not a client holding a keep-alive
 * connection open.
 */
final class PerConnectionDispatcher implements Dispatcher {

    private final ThreadFactory threads = Thread.ofPlatform().daemon().name("per-connection-", 0).factory();
    private final ConnectionServers servers;
    private final boolean logAllErrors;
    private final AtomicLong started = new AtomicLong();
    private final AtomicLong alive = new AtomicLong();
    private final AtomicLong peak = new AtomicLong();
    private volatile boolean closed;

    PerConnectionDispatcher(ConnectionServers servers, boolean logAllErrors) {
        this.servers = servers;
        this.logAllErrors = logAllErrors;
    }

    /**
     * Never refuses while open. If the thread cannot start (the OS is out of threads) the counts are undone and
     * the Error propagates: that is this model's overload behaviour, not a capacity the arm chose.
     */
    @Override
    public boolean dispatch(Socket connection) {
        if (closed) {
            return false;
        }
        Thread thread = threads.newThread(() -> serve(connection));
        started.incrementAndGet();
        peak.accumulateAndGet(alive.incrementAndGet(), Math::max);
        try {
            thread.start();
        } catch (RuntimeException | Error e) {
            alive.decrementAndGet();
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
            alive.decrementAndGet();
        }
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
        return new DispatcherStats(aliveNow, 0, peakNow, started.get(), 0, 0);
    }

    /** Starts no more threads; the running ones end with their connections. */
    @Override
    public void close() {
        closed = true;
    }
}
