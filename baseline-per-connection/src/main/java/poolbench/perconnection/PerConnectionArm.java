package poolbench.perconnection;

import java.util.OptionalInt;
import poolbench.server.Arm;
import poolbench.server.ArmOptions;
import poolbench.server.ConnectionServerFactory;
import poolbench.server.Dispatcher;
import poolbench.server.ThreadPerConnectionDispatcher;

/**
 * A new platform thread per connection, uncapped: the analogue of Go's net/http, the pool's baseline. The same
 * dispatcher as {@code virtual} (pool-virtual) but for the thread factory, and net/http has no cap to honour.
 */
public final class PerConnectionArm implements Arm {

    @Override
    public String name() {
        return "per-connection";
    }

    @Override
    public String description() {
        return "a new platform thread per connection, no cap, a fresh ConnectionServer each (net/http analogue); "
                + "honours logAllErrors; ignores concurrency, maxIdleWorkerDuration, order";
    }

    /**
     * The threads are daemons, as virtual threads always are, so that this arm differs from the others only in the
     * thread model: the server's stop decides when the JVM may exit, not a client holding a connection open.
     */
    @Override
    public Dispatcher create(ArmOptions options, ConnectionServerFactory servers) {
        return new ThreadPerConnectionDispatcher(Thread.ofPlatform().daemon().name("per-connection-", 0).factory(),
                OptionalInt.empty(), servers, options.logAllErrors());
    }
}
