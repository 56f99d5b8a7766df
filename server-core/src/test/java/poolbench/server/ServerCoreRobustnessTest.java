package poolbench.server;

/** The hostile-client contract on server-core's own test arm: what the server core does, whatever the arm. */
class ServerCoreRobustnessTest extends HostileClientContractTest {

    @Override
    protected String armName() {
        return "test-thread-per-connection";
    }

    @Override
    protected Arm arm() {
        return new ThreadPerConnectionTestArm();
    }
}
