package poolbench.references;

import java.time.Duration;
import java.util.Set;

import io.helidon.common.buffers.BufferData;
import io.helidon.common.concurrency.limits.Limit;
import io.helidon.common.task.InterruptableTask;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.spi.ServerConnection;
import io.helidon.webserver.spi.ServerConnectionSelector;

/**
 * Helidon's HTTP/1.1 selector with two changes, because Helidon exposes no connection count and no hook on
 * accept:
 * <ul>
 *   <li>each connection is counted from the start to the end of its handling — which in Helidon is also the
 *       life of the virtual thread serving it, so one count gives both connections and workers;</li>
 *   <li>it takes every connection. Helidon's own selector declines a first line that does not end in
 *       {@code HTTP/1.1}, and Helidon then closes without a word; taken, the HTTP/1.1 parser answers a
 *       malformed request 400 and an HTTP/1.0 one 505, as an HTTP server should.</li>
 * </ul>
 */
final class CountingConnectionSelector implements ServerConnectionSelector {

    private final ServerConnectionSelector http1;
    private final LiveCount connections;

    CountingConnectionSelector(ServerConnectionSelector http1, LiveCount connections) {
        this.http1 = http1;
        this.connections = connections;
    }

    @Override
    public int bytesToIdentifyConnection() {
        return http1.bytesToIdentifyConnection();
    }

    @Override
    public Support supports(BufferData data) {
        return Support.SUPPORTED;
    }

    @Override
    public Set<String> supportedApplicationProtocols() {
        return http1.supportedApplicationProtocols();
    }

    @Override
    public ServerConnection connection(ConnectionContext ctx) {
        return new CountedConnection(http1.connection(ctx), connections);
    }

    /**
     * Counts one connection while Helidon handles it, and stays interruptible like the connection it wraps so
     * that Helidon's shutdown can still wake an idle one.
     */
    private record CountedConnection(ServerConnection delegate, LiveCount connections)
            implements ServerConnection, InterruptableTask<Void> {

        @Override
        public void handle(Limit limit) throws InterruptedException {
            connections.start();
            try {
                delegate.handle(limit);
            } finally {
                connections.end();
            }
        }

        @Override
        public Duration idleTime() {
            return delegate.idleTime();
        }

        @Override
        public void close(boolean interrupt) {
            delegate.close(interrupt);
        }

        @Override
        public boolean canInterrupt() {
            return delegate instanceof InterruptableTask<?> task && task.canInterrupt();
        }
    }
}
