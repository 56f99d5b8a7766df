package poolbench.virtual;

import poolbench.server.Arm;
import poolbench.server.ArmOptions;
import poolbench.server.ConnectionServerFactory;
import poolbench.server.Dispatcher;
import poolbench.server.ThreadPerConnectionDispatcher;

/**
 * A virtual thread per connection: the JDK's answer to "why pool at all?". The same dispatcher as
 * {@code per-connection} (baseline-per-connection) but for the thread factory, and it honours a cap when given one.
 */
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
    public Dispatcher create(ArmOptions options, ConnectionServerFactory servers) {
        return new ThreadPerConnectionDispatcher(Thread.ofVirtual().name("virtual-", 0).factory(),
                options.concurrency(), servers, options.logAllErrors());
    }
}
