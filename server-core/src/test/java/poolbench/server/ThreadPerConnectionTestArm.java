package poolbench.server;

import java.io.IOException;
import java.net.Socket;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/** The least an arm can be, for testing server-core without any arm module: a thread per connection, capped. */
final class ThreadPerConnectionTestArm implements Arm {

    @Override
    public String name() {
        return "test-thread-per-connection";
    }

    @Override
    public String description() {
        return "server-core's own test arm";
    }

    @Override
    public Dispatcher create(ArmOptions options, ConnectionServers servers) {
        Semaphore cap = new Semaphore(options.concurrencyOrDefault());
        AtomicLong started = new AtomicLong();
        AtomicLong rejected = new AtomicLong();
        return new Dispatcher() {
            @Override
            public boolean dispatch(Socket connection) {
                if (!cap.tryAcquire()) {
                    rejected.incrementAndGet();
                    return false;
                }
                started.incrementAndGet();
                Thread.ofPlatform().start(() -> {
                    try {
                        servers.newConnectionServer().serve(connection);
                    } catch (IOException e) {
                        ConnectionErrors.log(connection, e, false);
                    } finally {
                        cap.release();
                    }
                });
                return true;
            }

            @Override
            public DispatcherStats stats() {
                long alive = options.concurrencyOrDefault() - cap.availablePermits();
                return new DispatcherStats(alive, 0, alive, started.get(), 0, rejected.get());
            }

            @Override
            public void close() {
            }
        };
    }
}
