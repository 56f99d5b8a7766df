package poolbench.virtual;

import poolbench.server.OverloadSoakContractTest;

/** The overload soak on the {@code virtual-pooled} arm (fasthttp's pool on virtual threads). */
class VirtualPooledOverloadRobustnessTest extends OverloadSoakContractTest {

    @Override
    protected String armName() {
        return "virtual-pooled";
    }

    @Override
    protected boolean capped() {
        return true;
    }
}
