package poolbench.pool;

import poolbench.server.contract.ArmSuite;
import poolbench.server.spi.CapPolicy;

/**
 * Every arm contract (dispatcher, wire, hostile clients, framing, overload soak, leaks) on the {@code jdk-pool} arm: a
 * ThreadPoolExecutor, capped through its maximum pool size.
 */
class JdkPoolSuiteTest extends ArmSuite {

    JdkPoolSuiteTest() {
        super("jdk-pool", ThreadModel.PLATFORM_POOL, CapPolicy.HONOURS_CAP);
    }
}
