package poolbench.bench.jmh;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * What does starting a thread for a connection and seeing it end cost, platform against virtual?
 *
 * <p>This is the price per connection the thread-per-connection arms pay and the pools avoid: start an empty
 * thread and join it. A platform thread costs an OS thread (clone, a stack mapping, scheduler work on start and
 * exit); a virtual thread costs a few Java objects and a trip through the carrier pool (its stack goes to the heap
 * only when it blocks, which this empty one never does).
 *
 * <p>Reading the results: one over the platform score bounds the new connections per second one core can give the
 * per-connection arm before any request is served; if the virtual score is an order of magnitude lower, the
 * article's case against a thread per connection does not carry over to virtual threads. The
 * {@code gc.alloc.rate.norm} column shows the heap side: for a platform thread only the Thread object and its
 * bookkeeping (its stack is off-heap), for a virtual thread also its continuation and the task that schedules it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ThreadStartBenchmark {

    private static final Runnable NOTHING = () -> { };

    private final ThreadFactory platform = Thread.ofPlatform().factory();
    private final ThreadFactory virtual = Thread.ofVirtual().factory();

    @Benchmark
    public Thread platformThread() throws InterruptedException {
        return startAndJoin(platform);
    }

    @Benchmark
    public Thread virtualThread() throws InterruptedException {
        return startAndJoin(virtual);
    }

    private static Thread startAndJoin(ThreadFactory factory) throws InterruptedException {
        Thread thread = factory.newThread(NOTHING);
        thread.start();
        thread.join();
        return thread;
    }
}
