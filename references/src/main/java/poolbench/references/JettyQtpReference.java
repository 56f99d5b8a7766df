package poolbench.references;

import java.io.IOException;

import org.eclipse.jetty.util.thread.QueuedThreadPool;
import poolbench.server.accept.ServerConfig;
import poolbench.server.spi.ArmOptions;
import poolbench.server.spi.DispatcherStats;
import poolbench.server.spi.Reference;
import poolbench.server.spi.RunningServer;

/**
 * Jetty 12 on its {@link QueuedThreadPool}: the production Java pool of platform threads, beside the
 * {@code classic} arm.
 *
 * <p>Sizing: {@code --concurrency N} caps the threads that run requests at N, so the pool's max is N plus the
 * acceptor and selector threads Jetty leases from it; without it the max is Jetty's default of
 * {@value #JETTY_DEFAULT_MAX_THREADS} (fasthttp's default of 262,144 platform threads is no setting anyone
 * would run Jetty with). Beyond the max Jetty queues jobs; it never answers 503 at a cap. Idle threads above
 * the minimum exit after {@code --max-idle-worker-duration}, which the stats count as reaped.
 */
public final class JettyQtpReference implements Reference {

    static final int JETTY_DEFAULT_MAX_THREADS = 200;
    private static final int JETTY_DEFAULT_MIN_THREADS = 8;

    @Override
    public String name() {
        return "jetty-qtp";
    }

    @Override
    public String description() {
        return "Jetty 12 with QueuedThreadPool (platform threads; --concurrency caps request threads, "
                + "default 200; queues instead of 503; --max-idle-worker-duration is its idle timeout)";
    }

    @Override
    public RunningServer start(ServerConfig config, ArmOptions options) throws IOException {
        LiveCount threads = new LiveCount();
        QueuedThreadPool pool = new QueuedThreadPool(JETTY_DEFAULT_MAX_THREADS, JETTY_DEFAULT_MIN_THREADS,
                (int) Math.min(Integer.MAX_VALUE, options.maxIdleWorkerDuration().toMillis()), -1, null, null,
                threads.counting(Thread.ofPlatform().factory()));
        pool.setName("jetty-qtp");
        JettyServer.PoolSizing sizing = connectorThreads -> {
            int max = options.concurrency().isPresent()
                    ? options.concurrency().getAsInt() + connectorThreads
                    : JETTY_DEFAULT_MAX_THREADS;
            pool.setMinThreads(Math.min(JETTY_DEFAULT_MIN_THREADS, max));
            pool.setMaxThreads(max);
        };
        return JettyServer.start(name(), config, pool, sizing, () -> new DispatcherStats(pool.getThreads(),
                pool.getIdleThreads(), threads.peak(), threads.started(), threads.ended(), 0));
    }
}
