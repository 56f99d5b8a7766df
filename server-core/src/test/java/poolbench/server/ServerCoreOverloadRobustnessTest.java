package poolbench.server;

/** The overload soak on server-core's own test arm, a thread per connection under a Semaphore cap. */
class ServerCoreOverloadRobustnessTest extends OverloadSoakContractTest {

    @Override
    protected String armName() {
        return "test-thread-per-connection";
    }

    @Override
    protected Arm arm() {
        return new ThreadPerConnectionTestArm();
    }

    @Override
    protected boolean capped() {
        return true;
    }
}
