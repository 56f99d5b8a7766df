package poolbench.server.spi;

import java.util.OptionalInt;
import java.util.concurrent.ThreadFactory;
import java.util.function.Supplier;

import poolbench.server.connection.ConnectionServerFactory;

/**
 * An arm that starts a thread per connection through {@link ThreadPerConnectionDispatcher}: {@code per-connection}
 * (platform threads) and {@code virtual} (virtual threads) are this class with a different thread factory, and
 * whether the model has a cap to honour.
 */
public abstract class ThreadPerConnectionArm extends NamedArm {

    private final boolean honoursConcurrency;
    private final Supplier<ThreadFactory> threads;

    /**
     * @param honoursConcurrency whether {@code --concurrency} caps the connections served at once (else ignored)
     * @param threads            a new factory for each dispatcher, so each numbers its threads from 0
     */
    protected ThreadPerConnectionArm(String name, String description, boolean honoursConcurrency,
                                     Supplier<ThreadFactory> threads) {
        super(name, description);
        this.honoursConcurrency = honoursConcurrency;
        this.threads = threads;
    }

    @Override
    public Dispatcher create(ArmOptions options, ConnectionServerFactory servers) {
        OptionalInt cap = honoursConcurrency ? options.concurrency() : OptionalInt.empty();
        return new ThreadPerConnectionDispatcher(threads.get(), cap, servers, options.logAllErrors());
    }
}
