package poolbench.server;

import org.junit.jupiter.api.AfterEach;

/**
 * The fixture every arm's dispatcher tests share: the arm found by name, run over {@link FakeConnectionServerFactory},
 * closed after each test.
 */
public abstract class DispatcherFixture {

    protected final FakeConnectionServerFactory servers = new FakeConnectionServerFactory();
    private Dispatcher dispatcher;

    /** The arm under test, as {@code poolbench serve --arm} names it. */
    protected abstract String armName();

    /** The arm under test: found by name, as {@code poolbench serve} finds it. */
    protected Arm arm() {
        return Arms.require(armName());
    }

    protected Dispatcher create(ArmOptions options) {
        dispatcher = arm().create(options, servers);
        return dispatcher;
    }

    @AfterEach
    void closeDispatcher() {
        if (dispatcher != null) {
            dispatcher.close();
        }
    }
}
