package poolbench.server.spi;

import poolbench.server.connection.ConnectionServerFactory;

/**
 * One concurrency model, found by name through {@link java.util.ServiceLoader}: an arm module registers its
 * implementation in {@code META-INF/services/poolbench.server.spi.Arm}. Adding an arm is adding a module.
 */
public interface Arm {

    /** The name used on the command line, e.g. {@code classic}. */
    String name();

    /** One line for {@code poolbench arms}: the model, and which {@link ArmOptions} it honours. */
    String description();

    /** Creates a dispatcher that runs connections on {@code servers}; it lives until closed. */
    Dispatcher create(ArmOptions options, ConnectionServerFactory servers);
}
