package poolbench.pool;

import poolbench.server.ArmSuite;

/**
 * Every arm contract (dispatcher, wire, hostile clients, overload soak, leaks) on the {@code jdk-pool} arm: a
 * ThreadPoolExecutor, capped through its maximum pool size.
 */
class JdkPoolSuiteTest extends ArmSuite {

    @Override
    protected String armName() {
        return "jdk-pool";
    }

    @Override
    protected boolean capped() {
        return true;
    }

    @Override
    protected boolean virtualThreads() {
        return false;
    }

    @Override
    protected boolean pooled() {
        return true;
    }
}
