package poolbench.perconnection;

import poolbench.server.spi.CapPolicy;
import poolbench.server.spi.ThreadPerConnectionArm;

/**
 * A new platform thread per connection, uncapped ({@link CapPolicy#NO_CAP}): the analogue of Go's net/http, the
 * pool's baseline. The threads are daemons, as virtual threads always are, so that besides the cap this arm differs
 * from {@code virtual} only in the thread model: the server's stop decides when the JVM may exit, not a client
 * holding a connection open.
 */
public final class PerConnectionArm extends ThreadPerConnectionArm {

    public PerConnectionArm() {
        super("per-connection", "a new platform thread per connection (net/http analogue)", CapPolicy.NO_CAP,
                () -> Thread.ofPlatform().daemon().name("per-connection-", 0).factory());
    }
}
