package poolbench.server.endpoints;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The services a request may call out to, with their defaults in one place: a downstream HTTP backend for
 * {@code /downstream} and a database for {@code /db}. Either may be absent; its endpoint then answers 503 saying
 * so.
 *
 * @param downstream        the backend {@code /downstream?ms=N} calls as {@code GET /sleep?ms=N}; empty for none
 * @param downstreamTimeout how long a backend may take beyond the N ms asked for before the call is answered 504
 * @param database          the database {@code /db} reads from; empty for none
 */
public record Backends(Optional<InetSocketAddress> downstream, Duration downstreamTimeout,
                       Optional<WorldDatabase> database) {

    public static final Duration DEFAULT_DOWNSTREAM_TIMEOUT = Duration.ofSeconds(2);

    public static final Backends NONE = new Backends(Optional.empty(), DEFAULT_DOWNSTREAM_TIMEOUT, Optional.empty());

    public Backends {
        Objects.requireNonNull(downstream, "downstream");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(downstreamTimeout, "downstreamTimeout");
        if (downstreamTimeout.isNegative() || downstreamTimeout.isZero()) {
            throw new IllegalArgumentException("downstreamTimeout must be positive, was " + downstreamTimeout);
        }
    }

    public Backends withDownstream(InetSocketAddress address, Duration timeout) {
        return new Backends(Optional.of(address), timeout, database);
    }

    public Backends withDatabase(WorldDatabase db) {
        return new Backends(downstream, downstreamTimeout, Optional.of(db));
    }

    /** {@code host:port} as a loopback or named address, for the {@code --downstream} option. */
    public static InetSocketAddress parseAddress(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0 || colon == hostPort.length() - 1) {
            throw new IllegalArgumentException("expected host:port, was '" + hostPort + "'");
        }
        int port;
        try {
            port = Integer.parseInt(hostPort.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected host:port with a numeric port, was '" + hostPort + "'");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535, was " + port);
        }
        return new InetSocketAddress(hostPort.substring(0, colon), port);
    }
}
