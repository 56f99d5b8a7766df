package poolbench.server.connection;

/** How a connection's read and idle timeouts are enforced. Writes are always bounded by the {@link DeadlineSweeper}. */
public enum TimeoutMode {
    /**
     * Reads are untimed; the server's one {@link DeadlineSweeper} shuts the input of a connection whose read
     * deadline has passed, and the connection loop then answers 408 (or, when idle, just closes).
     */
    WATCHDOG,
    /**
     * {@code setSoTimeout} before each read, as the server did before: kept as the ablation, since a virtual
     * thread's timed read arms and cancels a timer on every read.
     */
    SOCKET
}
