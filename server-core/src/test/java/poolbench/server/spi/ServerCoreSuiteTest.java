package poolbench.server.spi;

import poolbench.server.contract.ArmSuite;

/**
 * Every arm contract on server-core's own test arm, a thread per connection under a Semaphore cap: what the server
 * core does, whatever the arm.
 */
public class ServerCoreSuiteTest extends ArmSuite {

    ServerCoreSuiteTest() {
        super("test-thread-per-connection", ThreadModel.PLATFORM_PER_CONNECTION, CapPolicy.HONOURS_CAP);
    }

    @Override
    protected Arm arm() {
        return new ThreadPerConnectionTestArm();
    }
}
