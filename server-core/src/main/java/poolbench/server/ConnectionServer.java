package poolbench.server;

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
}
