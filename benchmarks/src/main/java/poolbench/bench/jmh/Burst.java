package poolbench.bench.jmh;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * One burst of jobs handed to a pool back to back, and the submitter's wait for all of them. Reused by one
 * submitting thread, so that a burst allocates nothing.
 */
final class Burst implements WorkerState.Job {

    private final AtomicInteger remaining = new AtomicInteger();
    /** Set by {@link #start}; the pool's hand-off publishes it to the workers. */
    private Thread waiter;

    /** Arms the burst for {@code jobs} jobs from the calling thread; returns the job to submit that many times. */
    Burst start(int jobs) {
        waiter = Thread.currentThread();
        remaining.set(jobs);
        return this;
    }

    @Override
    public void runOn(WorkerState worker) {
        worker.touch();
        if (remaining.decrementAndGet() == 0) {
            LockSupport.unpark(waiter);
        }
    }

    /** Blocks until every job of the burst has run. */
    void await() {
        while (remaining.get() > 0) {
            LockSupport.park(this);
        }
    }
}
