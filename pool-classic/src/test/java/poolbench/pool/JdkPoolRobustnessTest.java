package poolbench.pool;

import poolbench.server.HostileClientContractTest;

/** The hostile-client contract on the {@code jdk-pool} arm (a ThreadPoolExecutor). */
class JdkPoolRobustnessTest extends HostileClientContractTest {

    @Override
    protected String armName() {
        return "jdk-pool";
    }
}
