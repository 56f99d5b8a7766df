package poolbench.pool;

import poolbench.server.connection.ConnectionServerFactory;
import poolbench.server.spi.ArmOptions;
import poolbench.server.spi.Dispatcher;

/** The standard library's peer of the classic pool: what a Java user would pick instead of porting fasthttp's. */
public final class JdkPoolArm extends PooledArm {

    public JdkPoolArm() {
        super("jdk-pool", "ThreadPoolExecutor(core 0, SynchronousQueue) on platform threads",
                "keep-alive maxIdleWorkerDuration", " (fair queue for FIFO)");
    }

    @Override
    public Dispatcher create(ArmOptions options, ConnectionServerFactory servers) {
        return new JdkPoolDispatcher(options, servers);
    }
}
