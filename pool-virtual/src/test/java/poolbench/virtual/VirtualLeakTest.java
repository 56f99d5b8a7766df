package poolbench.virtual;

import poolbench.server.ConnectionLeakContractTest;

/** The leak contract on the {@code virtual} arm (a virtual thread per connection, capped by a Semaphore when given a concurrency). */
class VirtualLeakTest extends ConnectionLeakContractTest {

    @Override
    protected String armName() {
        return "virtual";
    }
}
