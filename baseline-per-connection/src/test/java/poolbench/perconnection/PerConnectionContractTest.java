package poolbench.perconnection;

import poolbench.server.ArmContractTest;

/** The end-to-end contract over loopback for the {@code per-connection} arm: no cap, so no overflow. */
class PerConnectionContractTest extends ArmContractTest {

    @Override
    protected String armName() {
        return "per-connection";
    }

    @Override
    protected boolean capped() {
        return false;
    }
}
