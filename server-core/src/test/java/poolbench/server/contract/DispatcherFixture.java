package poolbench.server.contract;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import poolbench.server.spi.ArmOptions;
import poolbench.server.spi.Dispatcher;

/**
 * The fixture every arm's dispatcher tests share: the arm under test ({@link ArmSubject}), run over {@link FakeConnectionServerFactory},
 * closed after each test. No dispatcher test waits longer than {@link FakeConnectionServerFactory#WAIT} a few times,
 * so one bound serves them all.
 */
@Timeout(30)
public abstract class DispatcherFixture extends ArmSubject {

    protected final FakeConnectionServerFactory servers = new FakeConnectionServerFactory();
    private Dispatcher dispatcher;

    /** For a test of one arm's own, which names it. */
    protected DispatcherFixture() {
    }

    protected DispatcherFixture(ArmSuite suite) {
        super(suite);
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
