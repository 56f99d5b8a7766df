package poolbench.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static poolbench.server.StatsChecks.assertConsistent;
import static poolbench.server.StatsChecks.awaitStats;

import java.net.Socket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import poolbench.server.ArmOptions;
import poolbench.server.Arms;
import poolbench.server.Dispatcher;
import poolbench.server.DispatcherStats;
import poolbench.server.DispatcherFixture;
import poolbench.server.FakeConnectionServerFactory;

class JdkPoolArmTest extends DispatcherFixture {

    @Override
    protected String armName() {
        return "jdk-pool";
    }

    @Test
    @Timeout(30)
    void isFoundByNameAndDescribesItsOptions() {
        assertInstanceOf(JdkPoolArm.class, Arms.require("jdk-pool"));
        assertTrue(Arms.require("jdk-pool").description().contains("ThreadPoolExecutor"));
    }

    @Test
    @Timeout(30)
    void servesConnectionsOnNamedPlatformThreads() throws Exception {
        Dispatcher d = create(ArmOptions.DEFAULTS);
        Socket connection = servers.connection();
        assertTrue(d.dispatch(connection));

        FakeConnectionServerFactory.Served served = servers.awaitServed();
        assertFalse(served.thread().isVirtual());
        assertTrue(served.thread().getName().startsWith("jdk-pool-worker-"), served.thread().getName());
        DispatcherStats stats = assertConsistent(d.stats());
        assertEquals(1, stats.workersAlive());
        assertEquals(1, stats.workersStarted());
        servers.finish(connection);
    }

    /**
     * With a cap of one, a connection either goes to the one pool thread or is refused (when it is not yet back
     * waiting on the queue), so retrying shows whether that thread kept its ConnectionServer.
     */
    @Test
    @Timeout(30)
    void aPoolThreadKeepsItsConnectionServerAcrossConnections() throws Exception {
        Dispatcher d = create(ArmOptions.DEFAULTS.withConcurrency(1));
        Thread worker = null;
        for (int i = 0; i < 5; i++) {
            Socket connection = servers.connection();
            while (!d.dispatch(connection)) {
                Thread.sleep(1);
            }
            FakeConnectionServerFactory.Served served = servers.awaitServed();
            servers.finish(connection);
            if (worker != null) {
                assertSame(worker, served.thread());
            }
            worker = served.thread();
        }
        assertEquals(1, servers.created());
        assertEquals(1, d.stats().workersStarted());
    }

    @Test
    @Timeout(30)
    void idleThreadsExitAfterTheKeepAliveAndCountAsReaped() throws Exception {
        Dispatcher d = create(ArmOptions.DEFAULTS.withMaxIdleWorkerDuration(Duration.ofMillis(20)));
        Socket connection = servers.connection();
        assertTrue(d.dispatch(connection));
        Thread worker = servers.awaitServed().thread();
        servers.finish(connection);

        assertTrue(worker.join(FakeConnectionServerFactory.WAIT));
        DispatcherStats stats = awaitStats(d::stats, s -> s.workersAlive() == 0);
        assertEquals(1, stats.workersReaped());
        assertEquals(1, stats.workersPeak());
    }

    @Test
    @Timeout(30)
    void closeRefusesLaterConnectionsLetsTheBusyOneFinishAndLeavesNoThread() throws Exception {
        Dispatcher d = create(ArmOptions.DEFAULTS);
        Socket busy = servers.connection();
        assertTrue(d.dispatch(busy));
        FakeConnectionServerFactory.Served served = servers.awaitServed();

        d.close();
        d.close();
        Socket late = servers.connection();
        assertFalse(d.dispatch(late));
        assertFalse(late.isClosed());
        assertEquals(0, d.stats().rejected(), "refusing after close is not a rejection at capacity");
        assertTrue(served.thread().isAlive());

        servers.finish(busy);
        assertTrue(((JdkPoolDispatcher) d).awaitTermination(FakeConnectionServerFactory.WAIT));
        assertTrue(served.thread().join(FakeConnectionServerFactory.WAIT));
        assertEquals(0, d.stats().workersReaped(), "threads ended by close are not reaped");
    }
}
