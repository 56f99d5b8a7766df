package poolbench.pool;

import poolbench.server.Arm;
import poolbench.server.ArmOptions;
import poolbench.server.ConnectionServers;
import poolbench.server.Dispatcher;

/** The standard library's peer of the classic pool: what a Java user would pick instead of porting fasthttp's. */
public final class JdkPoolArm implements Arm {

    @Override
    public String name() {
        return "jdk-pool";
    }

    @Override
    public String description() {
        return "ThreadPoolExecutor(core 0, SynchronousQueue) on platform threads, capped at concurrency (default "
                + ArmOptions.DEFAULT_CONCURRENCY + "), keep-alive maxIdleWorkerDuration; "
                + "honours concurrency, maxIdleWorkerDuration, order (fair queue for FIFO), logAllErrors";
    }

    @Override
    public Dispatcher create(ArmOptions options, ConnectionServers servers) {
        return new JdkPoolDispatcher(options, servers);
    }
}
