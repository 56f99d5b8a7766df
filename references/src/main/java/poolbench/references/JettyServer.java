package poolbench.references;

import java.io.IOException;
import java.net.BindException;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.ThreadPool;
import poolbench.server.accept.ServerConfig;
import poolbench.server.spi.DispatcherStats;
import poolbench.server.spi.RunningServer;
import poolbench.server.stats.StatsEndpoint;
import poolbench.server.stats.StatsSnapshot;

/**
 * Jetty 12 serving the workloads on a given {@link ThreadPool}, with server-core's host, port, backlog, header
 * limit and idle timeout (Jetty has no separate read or write timeout: its idle timeout bounds a stalled read
 * or write too). The {@code Server} header is Jetty's own, naming its version; Date, Content-Type and
 * Content-Length complete a keep-alive 200.
 */
final class JettyServer {

    /** How a reference sizes its pool once the connector says how many threads Jetty keeps for itself. */
    interface PoolSizing {
        /** Called before start with the acceptor and selector threads the connector will take from the pool. */
        void size(int connectorThreads);
    }

    private JettyServer() {
    }

    /**
     * Starts Jetty on {@code pool} as {@code name}; {@code workers} reads the pool's gauges for the stats endpoint.
     * Jetty never refuses a connection (it queues), so {@code connectionsRejected} is always 0.
     */
    static RunningServer start(String name, ServerConfig config, ThreadPool pool, PoolSizing sizing,
                             Supplier<DispatcherStats> workers) throws IOException {
        LongAdder requests = new LongAdder();
        LiveCount connections = new LiveCount();
        Server server = new Server(pool);
        HttpConfiguration http = new HttpConfiguration();
        http.setRequestHeaderSize(config.maxHeaderBytes());
        http.setSendServerVersion(true);
        http.setSendDateHeader(true);
        ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(config.host());
        connector.setPort(config.port());
        connector.setIdleTimeout(config.idleTimeout().toMillis());
        connector.setAcceptQueueSize(config.backlog());
        connector.setReuseAddress(true);
        connector.addEventListener(new Connection.Listener() {
            @Override
            public void onOpened(Connection connection) {
                connections.start();
            }

            @Override
            public void onClosed(Connection connection) {
                connections.end();
            }
        });
        server.addConnector(connector);
        server.setHandler(new JettyWorkloadHandler(config, requests));
        server.setErrorHandler(new JettyErrorHandler());
        sizing.size(connector.getAcceptors() + connector.getSelectorManager().getSelectorCount());
        StatsEndpoint admin = null;
        try {
            server.start();
            if (config.adminPort() >= 0) {
                admin = new StatsEndpoint(config.adminHost(), config.adminPort(),
                        () -> StatsSnapshot.take(name, "n/a", requests.sum(), connections.started(), 0,
                                connections.ended(), connections.live(), workers.get()));
            }
        } catch (Exception e) {
            stopQuietly(server);
            // Jetty wraps the BindException; unwrapped, serve can name the port to change.
            if (e.getCause() instanceof BindException bind) {
                throw bind;
            }
            if (e instanceof IOException io) {
                throw io;
            }
            throw new IOException("Jetty did not start: " + e, e);
        }
        return new StartedReference(connector::getLocalPort, admin, () -> stopQuietly(server));
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            // Stopping is best effort: the process is usually about to end anyway.
            System.getLogger("poolbench.references").log(System.Logger.Level.WARNING, "Jetty stop failed: " + e);
        }
    }
}
