package poolbench.virtual;

import poolbench.server.spi.ThreadPerConnectionArm;

/**
 * A virtual thread per connection: the JDK's answer to "why pool at all?". It differs from {@code per-connection}
 * only in the thread model, and in honouring a cap when given one (then a Semaphore).
 */
public final class VirtualArm extends ThreadPerConnectionArm {

    public VirtualArm() {
        super("virtual", "a new virtual thread per connection, a fresh ConnectionServer each, no cap unless "
                        + "concurrency is given (then a Semaphore); honours concurrency, logAllErrors; ignores "
                        + "maxIdleWorkerDuration, order",
                true, () -> Thread.ofVirtual().name("virtual-", 0).factory());
    }
}
