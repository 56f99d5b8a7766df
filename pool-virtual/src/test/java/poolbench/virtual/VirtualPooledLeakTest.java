package poolbench.virtual;

import poolbench.server.ConnectionLeakContractTest;

/** The leak contract on the {@code virtual-pooled} arm (fasthttp's pool on virtual threads). */
class VirtualPooledLeakTest extends ConnectionLeakContractTest {

    @Override
    protected String armName() {
        return "virtual-pooled";
    }
}
