package poolbench.server;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;

/**
 * The fixture every arm's dispatcher tests share: the arm found by name, run over {@link FakeConnectionServerFactory},
 * closed after each test. No dispatcher test waits longer than {@link FakeConnectionServerFactory#WAIT} a few times,
 * so one bound serves them all.
 */
@Timeout(30)
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

    /** Dispatches one fresh connection, which {@code d} must accept, and waits until a server runs that one. */
    protected FakeConnectionServerFactory.Served serveOne(Dispatcher d) throws InterruptedException {
        Socket connection = servers.connection();
        assertTrue(d.dispatch(connection), "the dispatcher refused the connection");
        FakeConnectionServerFactory.Served served = servers.awaitServed();
        assertSame(connection, served.connection());
        return served;
    }

    /** Dispatches {@code count} fresh connections, each of which {@code d} must accept, and waits until all run. */
    protected List<Socket> serveAll(Dispatcher d, int count) throws InterruptedException {
        List<Socket> connections = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Socket connection = servers.connection();
            assertTrue(d.dispatch(connection), "the dispatcher refused connection " + (i + 1));
            connections.add(connection);
        }
        for (int i = 0; i < count; i++) {
            servers.awaitServed();
        }
        return connections;
    }

    @AfterEach
    void closeDispatcher() {
        if (dispatcher != null) {
            dispatcher.close();
        }
    }
}
