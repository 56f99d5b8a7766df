package poolbench.virtual;

import poolbench.server.OverloadSoakContractTest;

/** The overload soak on the {@code virtual} arm (a virtual thread per connection, capped by a Semaphore when given a concurrency). */
class VirtualOverloadRobustnessTest extends OverloadSoakContractTest {

    @Override
    protected String armName() {
        return "virtual";
    }

    @Override
    protected boolean capped() {
        return true;
    }
}
