package poolbench.references;

import java.io.IOException;

import org.eclipse.jetty.util.thread.VirtualThreadPool;
import poolbench.server.accept.ServerConfig;
import poolbench.server.spi.ArmOptions;
import poolbench.server.spi.DispatcherStats;
import poolbench.server.spi.Reference;
import poolbench.server.spi.RunningServer;

/**
 * Jetty 12 on its {@link VirtualThreadPool}: a new virtual thread for every task Jetty runs (acceptor, selectors
 * and each request), beside the {@code virtual} arm.
 *
 * <p>Like {@code virtual}, no cap by default; {@code --concurrency N} caps the tasks running at once at N plus
 * the acceptor and selector tasks, which never end. Tasks over the cap wait for a permit: no 503.
 */
public final class JettyVirtualReference implements Reference {

    @Override
    public String name() {
        return "jetty-virtual";
    }

    @Override
    public String description() {
        return "Jetty 12 with VirtualThreadPool (a virtual thread per task; no cap unless "
                + "--concurrency; waits instead of 503)";
    }

    @Override
    public RunningServer start(ServerConfig config, ArmOptions options) throws IOException {
        LiveCount threads = new LiveCount();
        VirtualThreadPool pool = new VirtualThreadPool();
        pool.setName("jetty-virtual");
        pool.setVirtualThreadsExecutor(threads.virtualThreadPerTask("jetty-virtual-"));
        JettyServer.PoolSizing sizing = connectorThreads -> pool.setMaxConcurrentTasks(
                options.concurrency().isPresent() ? options.concurrency().getAsInt() + connectorThreads : 0);
        return JettyServer.start(name(), config, pool, sizing, () -> new DispatcherStats(threads.live(), 0,
                threads.peak(), threads.started(), 0, 0));
    }
}
