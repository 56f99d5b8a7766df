package poolbench.pool;

import poolbench.server.OverloadSoakContractTest;

/** The overload soak on the {@code jdk-pool} arm (a ThreadPoolExecutor). */
class JdkPoolOverloadRobustnessTest extends OverloadSoakContractTest {

    @Override
    protected String armName() {
        return "jdk-pool";
    }

    @Override
    protected boolean capped() {
        return true;
    }
}
