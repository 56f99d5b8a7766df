package poolbench.pool;

import java.io.IOException;
import java.net.Socket;

import poolbench.server.connection.ConnectionServer;
import poolbench.server.connection.ConnectionServerFactory;

/**
 * A pooled worker's function for connections: it takes its {@link ConnectionServer} on first use and keeps it, so
 * the buffers that server holds are reused for every connection this worker serves, and closes it when the worker
 * exits.
 */
public final class ConnectionWorker implements Worker<Socket> {

    private final ConnectionServerFactory servers;
    private ConnectionServer server;

    public ConnectionWorker(ConnectionServerFactory servers) {
        this.servers = servers;
    }

    /** Serves the connection to its end; it is closed whatever happens. */
    @Override
    public void serve(Socket connection) throws IOException {
        if (server == null) {
            try {
                server = servers.newConnectionServer();
            } catch (RuntimeException | Error e) {
                closeAfter(connection, e);
                throw e;
            }
        }
        server.serve(connection);
    }

    /** The worker is exiting: its server's downstream connection and deadline watch go with it. */
    @Override
    public void close() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    private static void closeAfter(Socket connection, Throwable failure) {
        try {
            connection.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
