package poolbench.pool;

import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.net.Socket;

import org.junit.jupiter.api.Test;
import poolbench.server.contract.DispatcherFixture;
import poolbench.server.spi.ArmOptions;
import poolbench.server.spi.Dispatcher;

class ClassicArmTest extends DispatcherFixture {

    @Test
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

    @Override
    protected String armName() {
        return "classic";
    }
}
