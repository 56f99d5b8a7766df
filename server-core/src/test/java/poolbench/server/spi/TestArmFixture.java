package poolbench.server.spi;

import poolbench.server.contract.ArmFixture;

/**
 * {@link ArmFixture} on server-core's own test arm (a thread per connection): for the tests that pin what the server
 * core does whatever the arm, so no arm module is needed to run them.
 */
public abstract class TestArmFixture extends ArmFixture {

    @Override
    protected String armName() {
        return "test-thread-per-connection";
    }

    @Override
    protected Arm arm() {
        return new ThreadPerConnectionTestArm();
    }
}
