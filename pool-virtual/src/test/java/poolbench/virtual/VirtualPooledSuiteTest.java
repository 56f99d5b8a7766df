package poolbench.virtual;

import poolbench.server.ArmSuite;

/**
 * Every arm contract (dispatcher, wire, hostile clients, overload soak, leaks) on the {@code virtual-pooled} arm:
 * fasthttp's pool on virtual threads, capped.
 */
class VirtualPooledSuiteTest extends ArmSuite {

    @Override
    protected String armName() {
        return "virtual-pooled";
    }

    @Override
    protected boolean capped() {
        return true;
    }

    @Override
    protected boolean virtualThreads() {
        return true;
    }

    @Override
    protected boolean pooled() {
        return true;
    }
}
