package poolbench.pool;

import poolbench.server.contract.ArmSuite;

/**
 * Every arm contract (dispatcher, wire, hostile clients, framing, overload soak, leaks) on the {@code jdk-pool} arm: a
 * ThreadPoolExecutor, capped through its maximum pool size.
 */
class JdkPoolSuiteTest extends ArmSuite {

    JdkPoolSuiteTest() {
        super("jdk-pool", ThreadModel.PLATFORM_POOL, Cap.HONOURED);
    }
}
