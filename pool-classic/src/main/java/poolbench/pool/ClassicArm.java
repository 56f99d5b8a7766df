package poolbench.pool;

import poolbench.server.Arm;
import poolbench.server.ArmOptions;
import poolbench.server.ConnectionServers;
import poolbench.server.Dispatcher;

/** fasthttp's worker pool on platform threads. */
public final class ClassicArm implements Arm {

    @Override
    public String name() {
        return "classic";
    }

    @Override
    public String description() {
        return "fasthttp workerPool on platform threads: LIFO ready stack, capped at concurrency (default "
                + ArmOptions.DEFAULT_CONCURRENCY + "), idle workers reaped after maxIdleWorkerDuration; "
                + "honours concurrency, maxIdleWorkerDuration, order, logAllErrors";
    }

    /**
     * Workers are daemon threads, as virtual threads always are, so the arms differ only in the model under test;
     * the server's stop decides when the JVM may exit, not a worker still holding a keep-alive connection.
     */
    @Override
    public Dispatcher create(ArmOptions options, ConnectionServers servers) {
        return new WorkerPoolDispatcher(options, servers,
                Thread.ofPlatform().daemon().name("classic-worker-", 0).factory());
    }
}
