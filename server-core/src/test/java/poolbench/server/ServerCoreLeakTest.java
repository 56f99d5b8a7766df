package poolbench.server;

/** The leak contract on server-core's own test arm. */
class ServerCoreLeakTest extends ConnectionLeakContractTest {

    @Override
    protected String armName() {
        return "test-thread-per-connection";
    }

    @Override
    protected Arm arm() {
        return new ThreadPerConnectionTestArm();
    }
}
