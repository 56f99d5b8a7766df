package poolbench.pool;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Platform daemon threads named with a prefix of their own, all remembered. */
final class RecordingThreads implements ThreadFactory {

    private static final AtomicInteger FACTORIES = new AtomicInteger();

    final String prefix = "pool-test-" + FACTORIES.incrementAndGet() + "-worker-";
    final List<Thread> created = new CopyOnWriteArrayList<>();
    private final ThreadFactory named = Thread.ofPlatform().daemon().name(prefix, 0)
            .uncaughtExceptionHandler((thread, error) -> { })
            .factory();

    @Override
    public Thread newThread(Runnable task) {
        Thread thread = named.newThread(task);
        created.add(thread);
        return thread;
    }
}
