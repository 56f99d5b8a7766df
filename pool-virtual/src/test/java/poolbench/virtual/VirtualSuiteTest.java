package poolbench.virtual;

import poolbench.server.contract.ArmSuite;
import poolbench.server.spi.CapPolicy;

/**
 * Every arm contract (dispatcher, wire, hostile clients, framing, overload soak, leaks) on the {@code virtual} arm: a
 * virtual thread per connection, capped by a Semaphore when given a concurrency.
 */
class VirtualSuiteTest extends ArmSuite {

    VirtualSuiteTest() {
        super("virtual", ThreadModel.VIRTUAL_PER_CONNECTION, CapPolicy.HONOURS_CAP);
    }
}
