package poolbench.pool;

import poolbench.server.ArmSuite;

/**
 * Every arm contract (dispatcher, wire, hostile clients, overload soak, leaks) on the {@code classic} arm: fasthttp's
 * pool on platform threads, capped.
 */
class ClassicSuiteTest extends ArmSuite {

    @Override
    protected String armName() {
        return "classic";
    }

    @Override
    protected boolean capped() {
        return true;
    }

    @Override
    protected boolean virtualThreads() {
        return false;
    }

    @Override
    protected boolean pooled() {
        return true;
    }
}
