package poolbench.pool;

import poolbench.server.ArmContractTest;

/** The end-to-end contract over loopback for the {@code jdk-pool} arm: capped through the executor's maximum pool size. */
class JdkPoolContractTest extends ArmContractTest {

    @Override
    protected String armName() {
        return "jdk-pool";
    }

    @Override
    protected boolean capped() {
        return true;
    }
}
