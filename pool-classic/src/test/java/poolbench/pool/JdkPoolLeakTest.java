package poolbench.pool;

import poolbench.server.ConnectionLeakContractTest;

/** The leak contract on the {@code jdk-pool} arm (a ThreadPoolExecutor). */
class JdkPoolLeakTest extends ConnectionLeakContractTest {

    @Override
    protected String armName() {
        return "jdk-pool";
    }
}
