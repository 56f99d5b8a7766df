package poolbench.perconnection;

import poolbench.server.contract.ArmSuite;
import poolbench.server.spi.CapPolicy;

/**
 * Every arm contract (dispatcher, wire, hostile clients, framing, overload soak, leaks) on the {@code per-connection}
 * arm: a new platform thread per connection, uncapped, so no overflow.
 */
class PerConnectionSuiteTest extends ArmSuite {

    PerConnectionSuiteTest() {
        super("per-connection", ThreadModel.PLATFORM_PER_CONNECTION, CapPolicy.NO_CAP);
    }
}
