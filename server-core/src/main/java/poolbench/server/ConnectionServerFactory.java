package poolbench.server;

/** Makes the per-worker {@link ConnectionServer}s a dispatcher runs. Thread-safe. */
@FunctionalInterface
public interface ConnectionServerFactory {

    ConnectionServer newConnectionServer();
}
