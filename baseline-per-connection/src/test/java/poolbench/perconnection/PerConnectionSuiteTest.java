package poolbench.perconnection;

import poolbench.server.ArmSuite;

/**
 * Every arm contract (dispatcher, wire, hostile clients, overload soak, leaks) on the {@code per-connection} arm: a
 * new platform thread per connection, uncapped, so no overflow.
 */
class PerConnectionSuiteTest extends ArmSuite {

    @Override
    protected String armName() {
        return "per-connection";
    }

    @Override
    protected boolean capped() {
        return false;
    }

    @Override
    protected boolean virtualThreads() {
        return false;
    }

    @Override
    protected boolean pooled() {
        return false;
    }
}
