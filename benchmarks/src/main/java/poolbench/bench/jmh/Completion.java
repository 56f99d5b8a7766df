package poolbench.bench.jmh;

import java.util.concurrent.locks.LockSupport;

/**
 * An empty task that tells the thread which submitted it that it has run: the benchmarks time the hand-off to
 * another thread and the signal back, nothing else.
 *
 * <p>One instance is reused by one submitting thread, op after op, so the signal itself allocates nothing and
 * whatever {@code gc.alloc.rate.norm} shows belongs to the executor under test. Park/unpark rather than a spin:
 * with two cores a spinning submitter would steal the CPU the worker needs.
 */
final class Completion implements Runnable {

    /** Set by {@link #reset}; the hand-off to the running thread publishes it. */
    private Thread waiter;
    private volatile boolean done;

    /** Arms the task for its next submission by the calling thread, after its previous run was seen. */
    Completion reset() {
        waiter = Thread.currentThread();
        done = false;
        return this;
    }

    @Override
    public void run() {
        done = true;
        LockSupport.unpark(waiter);
    }

    /** Blocks the waiter until {@link #run} has happened on some thread. */
    void await() {
        while (!done) {
            LockSupport.park(this);
        }
    }
}
