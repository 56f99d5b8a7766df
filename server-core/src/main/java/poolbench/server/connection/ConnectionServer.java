package poolbench.server.connection;

import java.io.IOException;
import java.net.Socket;

/**
 * Serves whole connections, one at a time, on the calling thread.
 *
 * <p>An instance is not thread-safe: a dispatcher gives each worker thread its own (from its
 * {@link ConnectionServerFactory}), which may keep its buffers across the connections that worker serves.
 * Thread-per-connection arms take a new one per connection.
 */
public interface ConnectionServer {

    /**
     * Serves the connection until it ends, then closes it. The connection is closed whatever happens; an
     * IOException says why it ended early (see {@link ConnectionErrors#isBenign} for the ones not worth logging).
     */
    void serve(Socket connection) throws IOException;

    /**
     * Releases what this server keeps across connections beyond its buffers: its downstream connection. A
     * thread-per-connection dispatcher calls it after {@link #serve}; a pooled worker's is released when the
     * server stops (or once the reaped worker's server is collected).
     */
    default void close() {
    }
}
