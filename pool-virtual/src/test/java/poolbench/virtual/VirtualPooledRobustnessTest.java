package poolbench.virtual;

import poolbench.server.HostileClientContractTest;

/** The hostile-client contract on the {@code virtual-pooled} arm (fasthttp's pool on virtual threads). */
class VirtualPooledRobustnessTest extends HostileClientContractTest {

    @Override
    protected String armName() {
        return "virtual-pooled";
    }
}
