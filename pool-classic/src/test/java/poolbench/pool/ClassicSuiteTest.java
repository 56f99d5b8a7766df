package poolbench.pool;

import poolbench.server.contract.ArmSuite;
import poolbench.server.spi.CapPolicy;

/**
 * Every arm contract (dispatcher, wire, hostile clients, framing, overload soak, leaks) on the {@code classic} arm:
 * fasthttp's pool on platform threads, capped.
 */
class ClassicSuiteTest extends ArmSuite {

    ClassicSuiteTest() {
        super("classic", ThreadModel.PLATFORM_POOL, CapPolicy.HONOURS_CAP);
    }
}
