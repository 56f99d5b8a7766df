package poolbench.server.connection;

/** Makes the per-worker {@link ConnectionServer}s a dispatcher runs. Thread-safe. */
@FunctionalInterface
public interface ConnectionServerFactory {

    ConnectionServer newConnectionServer();
}
