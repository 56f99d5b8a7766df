package poolbench.virtual;

import poolbench.server.ArmSuite;

/**
 * Every arm contract (dispatcher, wire, hostile clients, overload soak, leaks) on the {@code virtual} arm: a virtual
 * thread per connection, capped by a Semaphore when given a concurrency.
 */
class VirtualSuiteTest extends ArmSuite {

    @Override
    protected String armName() {
        return "virtual";
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
        return false;
    }
}
