package poolbench.virtual;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static poolbench.server.testing.StatsChecks.awaitIdle;

import java.net.Socket;

import org.junit.jupiter.api.Test;
import poolbench.pool.WorkerPoolDispatcher;
import poolbench.server.contract.DispatcherFixture;
import poolbench.server.contract.FakeConnectionServerFactory;
import poolbench.server.spi.ArmOptions;
import poolbench.server.spi.Dispatcher;

class VirtualPooledArmTest extends DispatcherFixture {

    @Test
    void closeEndsIdleVirtualWorkersAndTheBusyOneAfterItsConnection() throws Exception {
        Dispatcher d = create(ArmOptions.DEFAULTS);
        FakeConnectionServerFactory.Served busy = serveOne(d);
        Thread busyWorker = busy.thread();
        Socket done = servers.connection();
        assertTrue(d.dispatch(done));
        Thread idleWorker = servers.awaitServed().thread();
        servers.finish(done);
        awaitIdle(d::stats, 1);

        d.close();
        d.close();
        assertTrue(idleWorker.join(FakeConnectionServerFactory.WAIT), "the idle worker exits at once");
        assertTrue(busyWorker.isAlive());
        assertFalse(d.dispatch(servers.connection()));

        servers.finish(busy.connection());
        assertTrue(((WorkerPoolDispatcher) d).awaitTermination(FakeConnectionServerFactory.WAIT));
        assertTrue(busyWorker.join(FakeConnectionServerFactory.WAIT));
    }

    @Override
    protected String armName() {
        return "virtual-pooled";
    }
}
