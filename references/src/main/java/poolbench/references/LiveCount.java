package poolbench.references;

import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts things that start and end — connections, or the threads a reference server serves them on — with the
 * most alive at once. The production servers keep no such counts of their own (or none they expose), so a
 * reference wraps its thread factory, executor or connection hook in one of these.
 */
final class LiveCount {

    private final LongAdder started = new LongAdder();
    private final LongAdder ended = new LongAdder();
    private final AtomicLong live = new AtomicLong();
    private final AtomicLong peak = new AtomicLong();

    void start() {
        started.increment();
        long now = live.incrementAndGet();
        peak.accumulateAndGet(now, Math::max);
    }

    void end() {
        live.decrementAndGet();
        ended.increment();
    }

    long started() {
        return started.sum();
    }

    long ended() {
        return ended.sum();
    }

    long live() {
        return live.get();
    }

    long peak() {
        return peak.get();
    }

    /** {@code task}, counted as alive from its start to its end on whatever thread runs it. */
    Runnable counted(Runnable task) {
        return () -> {
            start();
            try {
                task.run();
            } finally {
                end();
            }
        };
    }

    /** Threads from {@code threads}, each counted while it runs. */
    ThreadFactory counting(ThreadFactory threads) {
        return task -> threads.newThread(counted(task));
    }

    /** A new virtual thread per task, named {@code prefix} and a number, each counted while it runs. */
    Executor virtualThreadPerTask(String prefix) {
        ThreadFactory threads = counting(Thread.ofVirtual().name(prefix, 0).factory());
        return task -> threads.newThread(task).start();
    }
}
