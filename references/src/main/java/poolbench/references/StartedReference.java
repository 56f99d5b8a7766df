package poolbench.references;

import java.util.function.IntSupplier;

import poolbench.server.spi.RunningServer;
import poolbench.server.stats.StatsEndpoint;

/**
 * A production server that is up, with the stats endpoint poolbench runs beside it: whatever the server, its port
 * is asked of it, and closing stops the stats endpoint first, then the server.
 *
 * @param admin null when no stats endpoint was asked for
 */
record StartedReference(IntSupplier listeningPort, StatsEndpoint admin, Runnable stop) implements RunningServer {

    @Override
    public int port() {
        return listeningPort.getAsInt();
    }

    @Override
    public int adminPort() {
        return admin == null ? -1 : admin.port();
    }

    @Override
    public void close() {
        if (admin != null) {
            admin.close();
        }
        stop.run();
    }
}
