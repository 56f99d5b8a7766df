package poolbench.server.spi;

import java.util.OptionalInt;

import poolbench.server.connection.ConnectionServerFactory;

/**
 * The least an arm can be, for testing server-core without any arm module: server-core's own thread-per-connection
 * dispatcher on platform threads, always capped (at fasthttp's default unless told).
 */
public final class ThreadPerConnectionTestArm implements Arm {

    @Override
    public String name() {
        return "test-thread-per-connection";
    }

    @Override
    public String description() {
        return "server-core's own test arm: a platform thread per connection, always capped at concurrency; "
                + "honours concurrency, logAllErrors; ignores maxIdleWorkerDuration, order";
    }

    @Override
    public Dispatcher create(ArmOptions options, ConnectionServerFactory servers) {
        return new ThreadPerConnectionDispatcher(Thread.ofPlatform().name(name() + "-", 0).factory(),
                OptionalInt.of(options.concurrencyOrDefault()), servers, options.logAllErrors());
    }
}
