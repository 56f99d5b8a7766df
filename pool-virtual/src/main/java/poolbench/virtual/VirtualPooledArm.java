package poolbench.virtual;

import poolbench.pool.WorkerPoolDispatcher;
import poolbench.server.Arm;
import poolbench.server.ArmOptions;
import poolbench.server.ConnectionServers;
import poolbench.server.Dispatcher;

/**
 * The classic fasthttp pool with virtual workers: the one difference from {@code classic} is the thread factory.
 * It puts the JDK's advice "never pool virtual threads" to the test: does reuse still buy anything (buffers kept
 * per worker, no thread start) once a thread costs about as much as the objects a pool recycles?
 */
public final class VirtualPooledArm implements Arm {

    @Override
    public String name() {
        return "virtual-pooled";
    }

    @Override
    public String description() {
        return "fasthttp workerPool on virtual threads: LIFO ready stack, capped at concurrency (default "
                + ArmOptions.DEFAULT_CONCURRENCY + "), idle workers reaped after maxIdleWorkerDuration; "
                + "honours concurrency, maxIdleWorkerDuration, order, logAllErrors";
    }

    @Override
    public Dispatcher create(ArmOptions options, ConnectionServers servers) {
        return new WorkerPoolDispatcher(options, servers, Thread.ofVirtual().name("virtual-pooled-", 0).factory());
    }
}
