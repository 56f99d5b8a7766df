package poolbench.server.spi;

import java.io.IOException;

import poolbench.server.accept.HttpServer;
import poolbench.server.accept.ServerConfig;

/**
 * A reference: a production server (Jetty, Helidon...) serving the same endpoints and the same stats endpoint, so
 * the arms' numbers have a scale. Where an {@link Arm} makes a dispatcher for {@link HttpServer}, a reference starts
 * a server of its own. Found by name through {@link java.util.ServiceLoader} like an {@link Arm}, from
 * {@code META-INF/services/poolbench.server.spi.Reference}.
 */
public interface Reference {

    String name();

    /** One line for {@code poolbench arms}. */
    String description();

    /** Starts serving with the given ports, timeouts and cap (where the server has one). */
    RunningServer start(ServerConfig config, ArmOptions options) throws IOException;
}
