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

    protected Dispatcher create(ArmOptions options) {
        dispatcher = Arms.require(armName()).create(options, servers);
        return dispatcher;
    }

    @AfterEach
    void closeDispatcher() {
        if (dispatcher != null) {
            dispatcher.close();
        }
    }
}
