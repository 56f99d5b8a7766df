package poolbench.pool;

import poolbench.server.ArmContractTest;

/** The end-to-end contract over loopback for the {@code classic} arm: capped, so the overflow 503 is tested too. */
class ClassicContractTest extends ArmContractTest {

    @Override
    protected String armName() {
        return "classic";
    }

    @Override
    protected boolean capped() {
        return true;
    }
}
