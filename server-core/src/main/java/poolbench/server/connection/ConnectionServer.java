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
     * Releases what this server keeps across connections beyond its buffers: its downstream connection and its
     * place among the loops the server's deadline sweeper watches. A thread-per-connection dispatcher calls it
     * after {@link #serve}; a pooled worker when it exits (reaped, or its pool stopped).
     */
    default void close() {
    }
}
