package poolbench.server;

/**
 * {@link ArmFixture} on server-core's own test arm (a thread per connection): for the tests that pin what the server
 * core does whatever the arm, so no arm module is needed to run them.
 */
abstract class TestArmFixture extends ArmFixture {

    @Override
    protected String armName() {
        return "test-thread-per-connection";
    }

    @Override
    protected Arm arm() {
        return new ThreadPerConnectionTestArm();
    }
}
