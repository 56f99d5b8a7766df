package poolbench.perconnection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static poolbench.server.StatsChecks.assertConsistent;
import static poolbench.server.StatsChecks.awaitStats;

import java.net.Socket;
import java.util.List;
import org.junit.jupiter.api.Test;
import poolbench.server.ArmOptions;
import poolbench.server.Dispatcher;
import poolbench.server.DispatcherFixture;
import poolbench.server.DispatcherStats;

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
