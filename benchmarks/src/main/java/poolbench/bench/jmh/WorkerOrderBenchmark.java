package poolbench.bench.jmh;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import poolbench.pool.WorkerPool;
import poolbench.pool.WorkerPoolConfig;
import poolbench.server.spi.WorkerOrder;

/**
 * Does handing work to the most recently released worker (LIFO, fasthttp's order) beat handing it to the one idle
 * longest (FIFO), because the recent worker's memory is still in the CPU caches?
 *
 * <p>The classic pool is first grown to {@code idleWorkers} workers, each owning {@code stateKiB} of memory it
 * touches on every job ({@link WorkerState}). Each op is a burst of {@code jobs} jobs submitted back to back, then
 * a wait for all of them. LIFO keeps giving bursts to the same few workers, whose state stays cached; FIFO cycles
 * through every worker, so with {@code idleWorkers × stateKiB} beyond the last-level cache each job finds its
 * worker's state evicted.
 *
 * <p>Reading the results: LIFO clearly faster than FIFO supports the article's "hot caches" argument for the
 * ready stack; equal scores mean that on this machine the order does not matter (e.g. the prefetcher hides the
 * misses of a sequential walk, or the hand-off costs more than the misses). Both orders allocate nothing per
 * burst, so {@code gc.alloc.rate.norm} should be about 0 B/op. The cleaner is set to an hour so that LIFO's
 * idle workers are not reaped mid-run, which would also shrink the memory FIFO cycles through.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class WorkerOrderBenchmark {

    private static final Duration NEVER_REAP = Duration.ofHours(1);

    @Param({"LIFO", "FIFO"})
    public WorkerOrder order;

    @Param({"2", "8"})
    public int jobs;

    @Param({"128"})
    public int idleWorkers;

    @Param({"64", "512"})
    public int stateKiB;

    private WorkerPool<WorkerState.Job> pool;
    private final Burst burst = new Burst();

    @Setup
    public void growPool() throws InterruptedException {
        WorkerPoolConfig config = WorkerPoolConfig.defaults().withOrder(order).withMaxIdleWorkerDuration(NEVER_REAP);
        pool = new WorkerPool<>(config, Thread.ofPlatform().daemon().name("order-worker-", 0).factory(),
                () -> new WorkerState(stateKiB));
        pool.start();
        // Jobs that wait for each other can only run on distinct workers: the pool must start idleWorkers of them.
        CountDownLatch allBusy = new CountDownLatch(idleWorkers);
        for (int i = 0; i < idleWorkers; i++) {
            submit(worker -> {
                worker.touch();
                allBusy.countDown();
                allBusy.await();
            });
        }
        allBusy.await();
        while (pool.stats().workersIdle() < idleWorkers) {
            Thread.sleep(1);
        }
    }

    @TearDown
    public void stopPool() {
        pool.stop();
    }

    @Benchmark
    public void burst() {
        Burst b = burst.start(jobs);
        for (int i = 0; i < jobs; i++) {
            submit(b);
        }
        b.await();
    }

    private void submit(WorkerState.Job job) {
        if (!pool.serve(job)) {
            throw new RejectedExecutionException("the pool refused a job below its cap");
        }
    }
}
