package poolbench.virtual;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
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

class VirtualArmTest extends DispatcherFixture {

    @Override
    protected String armName() {
        return "virtual";
    }

    @Test
    @Timeout(30)
    void withoutAConcurrencyOptionNothingIsRefused() throws Exception {
        Dispatcher d = create(ArmOptions.DEFAULTS);
        List<Socket> connections = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Socket connection = servers.connection();
            assertTrue(d.dispatch(connection));
            connections.add(connection);
        }
        for (int i = 0; i < 100; i++) {
            servers.awaitServed();
        }
        assertEquals(new DispatcherStats(100, 0, 100, 100, 0, 0), d.stats());
        connections.forEach(servers::finish);
        assertEquals(new DispatcherStats(0, 0, 100, 100, 0, 0),
                awaitStats(d::stats, s -> s.workersAlive() == 0));
    }
}
