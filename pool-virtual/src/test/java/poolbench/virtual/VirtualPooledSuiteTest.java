package poolbench.virtual;

import poolbench.server.contract.ArmSuite;
import poolbench.server.spi.CapPolicy;

/**
 * Every arm contract (dispatcher, wire, hostile clients, framing, overload soak, leaks) on the {@code virtual-pooled}
 * arm: fasthttp's pool on virtual threads, capped.
 */
class VirtualPooledSuiteTest extends ArmSuite {

    VirtualPooledSuiteTest() {
        super("virtual-pooled", ThreadModel.VIRTUAL_POOL, CapPolicy.HONOURS_CAP);
    }
}
