package poolbench.server.spi;

import java.net.Socket;

import poolbench.server.connection.ConnectionServer;
import poolbench.server.connection.ConnectionServerFactory;

/**
 * Chooses the thread that serves an accepted connection: the one variable between the arms.
 *
 * <p>The server accepts on its own thread and hands every connection to {@link #dispatch}. The dispatcher runs
 * {@link ConnectionServer#serve} for it on some thread, using the {@link ConnectionServerFactory} it was created with.
 */
public interface Dispatcher extends AutoCloseable {

    /**
     * Hands the connection over. Returns false when at capacity; the connection is then still the caller's,
     * which answers 503 and closes it.
     */
    boolean dispatch(Socket connection);

    /** The dispatcher's gauges and counters right now. */
    DispatcherStats stats();

    /** Idle workers exit now, busy ones after their current connection. Does not wait for them. */
    @Override
    void close();
}
