package poolbench.virtual;

import poolbench.server.Arm;
import poolbench.server.ArmOptions;
import poolbench.server.ConnectionServers;
import poolbench.server.Dispatcher;

/** A virtual thread per connection: the JDK's answer to "why pool at all?". */
public final class VirtualArm implements Arm {

    @Override
    public String name() {
        return "virtual";
    }

    @Override
    public String description() {
        return "a new virtual thread per connection, a fresh ConnectionServer each, no cap unless concurrency is "
                + "given (then a Semaphore); honours concurrency, logAllErrors; ignores maxIdleWorkerDuration, order";
    }

    @Override
    public Dispatcher create(ArmOptions options, ConnectionServers servers) {
        return new VirtualThreadDispatcher(servers, options.concurrency(), options.logAllErrors());
    }
}
