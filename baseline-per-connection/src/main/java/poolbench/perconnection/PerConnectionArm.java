package poolbench.perconnection;

import poolbench.server.Arm;
import poolbench.server.ArmOptions;
import poolbench.server.ConnectionServers;
import poolbench.server.Dispatcher;

/** A new platform thread per connection, uncapped: the analogue of Go's net/http, the pool's baseline. */
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

    @Override
    public Dispatcher create(ArmOptions options, ConnectionServers servers) {
        return new PerConnectionDispatcher(servers, options.logAllErrors());
    }
}
