package poolbench.server.spi;

/** A server that is up: where it listens, and how to stop it. */
public interface RunningServer extends AutoCloseable {

    /** The port the workload endpoints are served on. */
    int port();

    /** The port of the stats endpoint, or -1 when it runs none. */
    int adminPort();

    @Override
    void close();
}
