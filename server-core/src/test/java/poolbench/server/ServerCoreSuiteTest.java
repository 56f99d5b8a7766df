package poolbench.server;

/**
 * Every arm contract on server-core's own test arm, a thread per connection under a Semaphore cap: what the server
 * core does, whatever the arm.
 */
class ServerCoreSuiteTest extends ArmSuite {

    @Override
    protected String armName() {
        return "test-thread-per-connection";
    }

    @Override
    protected boolean capped() {
        return true;
    }

    @Override
    protected boolean virtualThreads() {
        return false;
    }

    @Override
    protected boolean pooled() {
        return false;
    }

    @Override
    protected Arm arm() {
        return new ThreadPerConnectionTestArm();
    }
}
