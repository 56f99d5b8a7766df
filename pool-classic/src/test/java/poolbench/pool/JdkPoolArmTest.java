package poolbench.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static poolbench.server.testing.StatsChecks.awaitStats;

import java.net.Socket;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import poolbench.server.contract.DispatcherFixture;
import poolbench.server.contract.FakeConnectionServerFactory;
import poolbench.server.spi.ArmOptions;
import poolbench.server.spi.Dispatcher;
import poolbench.server.spi.DispatcherStats;

class JdkPoolArmTest extends DispatcherFixture {

    @Test
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

    @Override
    protected String armName() {
        return "jdk-pool";
    }
}
