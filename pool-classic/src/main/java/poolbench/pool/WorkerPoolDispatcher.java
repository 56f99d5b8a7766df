package poolbench.pool;

import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;

import poolbench.server.connection.ConnectionServerFactory;
import poolbench.server.spi.ArmOptions;
import poolbench.server.spi.Dispatcher;
import poolbench.server.spi.DispatcherStats;

/**
 * Connections served by a {@link WorkerPool} whose workers come from a given thread factory: the {@code classic}
 * arm with platform threads, {@code virtual-pooled} with virtual ones. Each worker keeps one
 * {@link ConnectionWorker}, hence one {@link poolbench.server.connection.ConnectionServer}, for its whole life.
 */
public final class WorkerPoolDispatcher implements Dispatcher {

    private final WorkerPool<Socket> pool;
    private final AtomicBoolean closed = new AtomicBoolean();

    /** Creates and starts the pool, honouring concurrency, maxIdleWorkerDuration, order and logAllErrors. */
    public WorkerPoolDispatcher(ArmOptions options, ConnectionServerFactory servers, ThreadFactory workerThreads) {
        this.pool = new WorkerPool<>(WorkerPoolConfig.from(options), workerThreads,
                () -> new ConnectionWorker(servers));
        pool.start();
    }

    @Override
    public boolean dispatch(Socket connection) {
        return pool.serve(connection);
    }

    @Override
    public DispatcherStats stats() {
        return pool.stats();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            pool.stop();
        }
    }

    /** Waits until closed and every worker has exited. */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        return pool.awaitTermination(timeout);
    }
}
