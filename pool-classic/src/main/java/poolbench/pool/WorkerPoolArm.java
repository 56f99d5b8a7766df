package poolbench.pool;

import java.util.concurrent.ThreadFactory;
import java.util.function.Supplier;

import poolbench.server.connection.ConnectionServerFactory;
import poolbench.server.spi.ArmOptions;
import poolbench.server.spi.Dispatcher;

/**
 * fasthttp's worker pool as an arm, on whatever threads the subclass names: {@code classic} (platform) here,
 * {@code virtual-pooled} (virtual) in pool-virtual. The thread factory is their one difference.
 */
public abstract class WorkerPoolArm extends PooledArm {

    private final Supplier<ThreadFactory> workerThreads;

    /**
     * @param threads       the kind of thread, for the description ({@code "platform"}, {@code "virtual"})
     * @param workerThreads a new factory for each pool, so each pool numbers its workers from 0
     */
    protected WorkerPoolArm(String name, String threads, Supplier<ThreadFactory> workerThreads) {
        super(name, "fasthttp workerPool on " + threads + " threads: LIFO ready stack",
                "idle workers reaped after maxIdleWorkerDuration", "");
        this.workerThreads = workerThreads;
    }

    @Override
    public Dispatcher create(ArmOptions options, ConnectionServerFactory servers) {
        return new WorkerPoolDispatcher(options, servers, workerThreads.get());
    }
}
