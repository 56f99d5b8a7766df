package poolbench.virtual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static poolbench.server.testing.StatsChecks.awaitStats;

import java.net.Socket;
import java.util.List;

import org.junit.jupiter.api.Test;
import poolbench.server.contract.DispatcherFixture;
import poolbench.server.spi.ArmOptions;
import poolbench.server.spi.Dispatcher;
import poolbench.server.spi.DispatcherStats;

class VirtualArmTest extends DispatcherFixture {

    @Test
    void withoutAConcurrencyOptionNothingIsRefused() throws Exception {
        Dispatcher d = create(ArmOptions.DEFAULTS);
        List<Socket> connections = serveAll(d, 100);
        assertEquals(new DispatcherStats(100, 0, 100, 100, 0, 0), d.stats());
        connections.forEach(servers::finish);
        assertEquals(new DispatcherStats(0, 0, 100, 100, 0, 0),
                awaitStats(d::stats, s -> s.workersAlive() == 0));
    }

    @Override
    protected String armName() {
        return "virtual";
    }
}
