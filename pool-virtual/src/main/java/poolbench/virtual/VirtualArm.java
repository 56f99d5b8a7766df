package poolbench.virtual;

import poolbench.server.spi.CapPolicy;
import poolbench.server.spi.ThreadPerConnectionArm;

/**
 * A virtual thread per connection: the JDK's answer to "why pool at all?". It differs from {@code per-connection}
 * only in the thread model, and in its {@link CapPolicy}: it honours a cap when given one (then a Semaphore).
 */
public final class VirtualArm extends ThreadPerConnectionArm {

    public VirtualArm() {
        super("virtual", "a new virtual thread per connection", CapPolicy.HONOURS_CAP,
                () -> Thread.ofVirtual().name("virtual-", 0).factory());
    }
}
