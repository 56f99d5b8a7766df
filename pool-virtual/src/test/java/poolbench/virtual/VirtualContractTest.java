package poolbench.virtual;

import poolbench.server.ArmContractTest;

/** The end-to-end contract over loopback for the {@code virtual} arm: capped by a Semaphore when a concurrency is given. */
class VirtualContractTest extends ArmContractTest {

    @Override
    protected String armName() {
        return "virtual";
    }

    @Override
    protected boolean capped() {
        return true;
    }
}
