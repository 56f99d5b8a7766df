package poolbench.server.spi;

import java.util.concurrent.ThreadFactory;
import java.util.function.Supplier;

import poolbench.server.connection.ConnectionServerFactory;

/**
 * An arm that starts a thread per connection through {@link ThreadPerConnectionDispatcher}: {@code per-connection}
 * (platform threads) and {@code virtual} (virtual threads) are this class with a different thread factory and a
 * different {@link CapPolicy}. Its description is built from the two, so it cannot say one thing while the arm
 * does another.
 */
public abstract class ThreadPerConnectionArm extends NamedArm {

    private final CapPolicy cap;
    private final Supplier<ThreadFactory> threads;

    /**
     * @param name    the arm's name on the command line
     * @param model   the thread each connection gets, e.g. {@code "a new virtual thread per connection"}
     * @param cap     whether {@code --concurrency} caps the connections served at once
     * @param threads a new factory for each dispatcher, so each numbers its threads from 0
     */
    protected ThreadPerConnectionArm(String name, String model, CapPolicy cap, Supplier<ThreadFactory> threads) {
        super(name, describe(model, cap));
        this.cap = cap;
        this.threads = threads;
    }

    /** The model, the cap, and which {@link ArmOptions} the arm honours and ignores. */
    static String describe(String model, CapPolicy cap) {
        String concurrency = cap == CapPolicy.HONOURS_CAP ? "concurrency, " : "";
        String ignored = cap == CapPolicy.HONOURS_CAP ? "" : "concurrency, ";
        return model + ", a fresh ConnectionServer each, " + cap.threadPerConnectionWords() + "; honours "
                + concurrency + "logAllErrors; ignores " + ignored + "maxIdleWorkerDuration, order";
    }

    @Override
    public Dispatcher create(ArmOptions options, ConnectionServerFactory servers) {
        return new ThreadPerConnectionDispatcher(threads.get(), cap.capFor(options), servers, options.logAllErrors());
    }
}
