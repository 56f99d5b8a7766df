package poolbench.perconnection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static poolbench.server.testing.StatsChecks.assertConsistent;
import static poolbench.server.testing.StatsChecks.awaitStats;

import java.net.Socket;
import java.util.List;

import org.junit.jupiter.api.Test;
import poolbench.server.contract.DispatcherFixture;
import poolbench.server.spi.ArmOptions;
import poolbench.server.spi.Dispatcher;
import poolbench.server.spi.DispatcherStats;

class PerConnectionArmTest extends DispatcherFixture {

    @Test
    void neverRefusesWhateverTheConcurrencyOption() throws Exception {
        Dispatcher d = create(ArmOptions.DEFAULTS.withConcurrency(1));
        List<Socket> connections = serveAll(d, 8);
        assertEquals(new DispatcherStats(8, 0, 8, 8, 0, 0), d.stats());

        connections.forEach(servers::finish);
        DispatcherStats after = awaitStats(d::stats, s -> s.workersAlive() == 0);
        assertEquals(new DispatcherStats(0, 0, 8, 8, 0, 0), assertConsistent(after));
    }

    @Override
    protected String armName() {
        return "per-connection";
    }
}
