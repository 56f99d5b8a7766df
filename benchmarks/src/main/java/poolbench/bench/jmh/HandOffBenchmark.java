package poolbench.bench.jmh;

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
import org.openjdk.jmh.annotations.Threads;

/**
 * What does it cost to get a task running on another thread and to see it finish?
 *
 * <p>This is what a server pays per connection to move it off the accept thread. Each op submits an empty task to
 * the {@link HandOffTarget} and waits until the task has signalled back, so the score is a full round trip:
 * queueing or waking a worker (or starting a thread), running the task, and waking the submitter.
 *
 * <p>Reading the results: if the classic pool is about as fast as {@code TPE_SYNCHRONOUS_QUEUE}, porting fasthttp's
 * pool buys nothing over the JDK's cached pool at this level; if {@code NEW_PLATFORM_THREAD} is many times slower
 * than the pools, the article's "a pool makes it many times faster" holds for short-lived work on platform threads;
 * if {@code NEW_VIRTUAL_THREAD} is close to the pools, virtual threads removed the reason to pool. The
 * {@code gc.alloc.rate.norm} column shows what each hand-off leaves for the GC: the classic pool should leave
 * nothing, executors allocate a queue node per task, new threads a Thread (a virtual one also its continuation), and
 * every wake-up of a virtual thread wraps its continuation in a ForkJoinTask for the carrier pool.
 * With two submitters on a two-core machine the submitters, workers and signals compete for the CPUs: a target
 * whose score collapses there is one that makes threads wait for each other.
 *
 * <p>SampleTime times every round trip: its mean is the cost per hand-off, and its percentiles show that the cost
 * has two modes, a fast one of a few µs and a slow one of tens (most likely whether the other thread is still
 * running or must be woken); the tail is also where a pool that has to start a worker shows. A throughput mode would add nothing: its score is
 * the submitters over the same mean, and it swings with the share of slow round trips from one iteration to the
 * next, which the percentiles show directly.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HandOffBenchmark {

    @Param
    public HandOffTarget target;

    private HandOffTarget.RunningTarget running;

    @Setup
    public void start() {
        running = target.start();
    }

    @TearDown
    public void stop() {
        running.close();
    }

    /** Each submitting thread reuses its own task, so waiting for one never sees another's signal. */
    @State(Scope.Thread)
    public static class Submitter {
        final Completion task = new Completion();
    }

    @Benchmark
    @Threads(1)
    public void oneSubmitter(Submitter submitter) {
        handOff(submitter.task);
    }

    @Benchmark
    @Threads(2)
    public void twoSubmitters(Submitter submitter) {
        handOff(submitter.task);
    }

    private void handOff(Completion task) {
        running.submit(task.reset());
        task.await();
    }
}
