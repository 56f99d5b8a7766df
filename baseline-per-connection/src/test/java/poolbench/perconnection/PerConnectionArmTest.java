package poolbench.perconnection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static poolbench.server.StatsChecks.assertConsistent;
import static poolbench.server.StatsChecks.awaitStats;

import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import poolbench.server.ArmOptions;
import poolbench.server.Dispatcher;
import poolbench.server.DispatcherStats;
import poolbench.server.DispatcherFixture;

class PerConnectionArmTest extends DispatcherFixture {

    @Override
    protected String armName() {
        return "per-connection";
    }

    @Test
    @Timeout(30)
    void neverRefusesWhateverTheConcurrencyOption() throws Exception {
        Dispatcher d = create(ArmOptions.DEFAULTS.withConcurrency(1));
        List<Socket> connections = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Socket connection = servers.connection();
            assertTrue(d.dispatch(connection));
            connections.add(connection);
        }
        for (int i = 0; i < 8; i++) {
            servers.awaitServed();
        }
        assertEquals(new DispatcherStats(8, 0, 8, 8, 0, 0), d.stats());

        connections.forEach(servers::finish);
        DispatcherStats after = awaitStats(d::stats, s -> s.workersAlive() == 0);
        assertEquals(new DispatcherStats(0, 0, 8, 8, 0, 0), assertConsistent(after));
    }
}
