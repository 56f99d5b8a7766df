package poolbench.perconnection;

import poolbench.server.HostileClientContractTest;

/** The hostile-client contract on the {@code per-connection} arm (a new platform thread per connection, uncapped). */
class PerConnectionRobustnessTest extends HostileClientContractTest {

    @Override
    protected String armName() {
        return "per-connection";
    }
}
