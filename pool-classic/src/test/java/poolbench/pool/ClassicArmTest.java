package poolbench.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static poolbench.server.StatsChecks.awaitIdle;

import java.net.Socket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import poolbench.server.ArmOptions;
import poolbench.server.Arms;
import poolbench.server.Dispatcher;
import poolbench.server.DispatcherStats;
import poolbench.server.DispatcherFixture;
import poolbench.server.FakeConnectionServerFactory;

class ClassicArmTest extends DispatcherFixture {

    @Override
    protected String armName() {
        return "classic";
    }

    @Test
    @Timeout(30)
    void isFoundByNameAndDescribesItsOptions() {
        assertInstanceOf(ClassicArm.class, Arms.require("classic"));
        String description = Arms.require("classic").description();
        assertFalse(description.contains("\n"));
        assertTrue(description.contains("concurrency") && description.contains("maxIdleWorkerDuration"));
    }

    @Test
    @Timeout(30)
    void servesConnectionsOnNamedPlatformWorkers() throws Exception {
        Dispatcher d = create(ArmOptions.DEFAULTS);
        Socket connection = servers.connection();
        assertTrue(d.dispatch(connection));

        FakeConnectionServerFactory.Served served = servers.awaitServed();
        assertSame(connection, served.connection());
        assertFalse(served.thread().isVirtual());
        assertTrue(served.thread().getName().startsWith("classic-worker-"), served.thread().getName());
        assertEquals(new DispatcherStats(1, 0, 1, 1, 0, 0), d.stats());
        servers.finish(connection);
    }

    @Test
    @Timeout(30)
    void aWorkerKeepsItsConnectionServerForTheConnectionsItServesInTurn() throws Exception {
        Dispatcher d = create(ArmOptions.DEFAULTS);
        FakeConnectionServerFactory.Served previous = null;
        for (int i = 0; i < 5; i++) {
            Socket connection = servers.connection();
            assertTrue(d.dispatch(connection));
            FakeConnectionServerFactory.Served served = servers.awaitServed();
            servers.finish(connection);
            awaitIdle(d::stats, 1);
            assertTrue(connection.isClosed());
            if (previous != null) {
                assertSame(previous.thread(), served.thread());
                assertEquals(previous.server(), served.server());
            }
            previous = served;
        }
        assertEquals(1, servers.created());
        assertEquals(1, d.stats().workersStarted());
    }

    @Test
    @Timeout(30)
    void twoBusyWorkersHaveTwoConnectionServers() throws Exception {
        Dispatcher d = create(ArmOptions.DEFAULTS);
        Socket a = servers.connection();
        Socket b = servers.connection();
        d.dispatch(a);
        d.dispatch(b);
        assertNotEquals(servers.awaitServed().server(), servers.awaitServed().server());
        servers.finish(a);
        servers.finish(b);
    }

    @Test
    @Timeout(30)
    void closeRefusesLaterConnectionsLetsTheBusyOneFinishAndLeavesNoWorker() throws Exception {
        Dispatcher d = create(ArmOptions.DEFAULTS);
        Socket busy = servers.connection();
        assertTrue(d.dispatch(busy));
        FakeConnectionServerFactory.Served served = servers.awaitServed();

        d.close();
        d.close();
        Socket late = servers.connection();
        assertFalse(d.dispatch(late));
        assertFalse(late.isClosed());
        assertTrue(served.thread().isAlive(), "the busy worker is not cut off");

        servers.finish(busy);
        assertTrue(((WorkerPoolDispatcher) d).awaitTermination(FakeConnectionServerFactory.WAIT));
        assertTrue(served.thread().join(FakeConnectionServerFactory.WAIT));
        assertEquals(0, d.stats().workersAlive());
    }
}
