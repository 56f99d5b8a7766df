package poolbench.virtual;

import poolbench.server.ArmContractTest;

/** The end-to-end contract over loopback for the {@code virtual-pooled} arm: the classic pool's cap, on virtual workers. */
class VirtualPooledContractTest extends ArmContractTest {

    @Override
    protected String armName() {
        return "virtual-pooled";
    }

    @Override
    protected boolean capped() {
        return true;
    }
}
