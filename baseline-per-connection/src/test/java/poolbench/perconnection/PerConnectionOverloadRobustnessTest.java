package poolbench.perconnection;

import poolbench.server.OverloadSoakContractTest;

/** The overload soak on the {@code per-connection} arm (a new platform thread per connection, uncapped). */
class PerConnectionOverloadRobustnessTest extends OverloadSoakContractTest {

    @Override
    protected String armName() {
        return "per-connection";
    }

    @Override
    protected boolean capped() {
        return false;
    }
}
