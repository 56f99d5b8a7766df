package poolbench.virtual;

import poolbench.server.HostileClientContractTest;

/** The hostile-client contract on the {@code virtual} arm (a virtual thread per connection, capped by a Semaphore when given a concurrency). */
class VirtualRobustnessTest extends HostileClientContractTest {

    @Override
    protected String armName() {
        return "virtual";
    }
}
